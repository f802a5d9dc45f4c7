"""A goal's assessment does not fit the assessments of the goals directly under it.

**What it checks.** Two patterns, between a goal and its direct child goals (a KF goal for the
verksamhetsområde and its nämndmål, an inriktningsmål and its KF goals, ...):

* the parent is *Uppfylls helt* while a child is *Uppfylls delvis* or *Uppfylls inte*;
* the parent is *Uppfylls inte* while every assessed child is *Uppfylls helt*.

Children marked *Ingen* or without a marker are left out. Goals without a marker (many reports print
none for the inriktningsmål) are never compared.

**Why it matters.** The goals below a goal are the committee's way of reaching it. A parent assessed
more favourably than a child it depends on, or a parent that fails while all its parts succeed, needs
an explanation in the parent's analysis; without one the reader cannot tell which assessment is right.

**Example.** KF goal 2.1 *Uppfylls helt* with nämndmål 2.1.1 *Uppfylls delvis*.
"""

DOC_SV = """Ett måls bedömning går inte ihop med bedömningarna av målen direkt under det.

**Vad regeln kontrollerar.** Två mönster mellan ett mål och dess närmaste undermål (ett KF-mål för
verksamhetsområdet och dess nämndmål, ett inriktningsmål och dess KF-mål osv.):

* det överordnade målet bedöms *Uppfylls helt* medan ett undermål bedöms *Uppfylls delvis* eller
  *Uppfylls inte*;
* det överordnade målet bedöms *Uppfylls inte* medan alla bedömda undermål bedöms *Uppfylls helt*.

Undermål som är markerade *Ingen* eller saknar markering räknas inte. Mål utan markering (många rapporter
har ingen för inriktningsmålen) jämförs aldrig.

**Varför det spelar roll.** Målen under ett mål är nämndens väg dit. Om det överordnade målet bedöms mer
positivt än ett undermål som det bygger på, eller inte uppfylls fast alla delar gör det, behövs en
förklaring i det överordnade målets analys. Utan den kan läsaren inte avgöra vilken bedömning som stämmer.

**Exempel.** KF-mål 2.1 *Uppfylls helt* med nämndmål 2.1.1 *Uppfylls delvis*.
"""

from auditor.engine.dsl import AS, MATCH, TEST, Goal, L, Rule

ID = "GOAL-PARENT-CHILD"
SEVERITY = "warning"
TITLE = {
    "sv": "Överordnat mål bedöms annorlunda än sina undermål",
    "en": "Parent goal assessed inconsistently with its child goals",
}
MESSAGE = {
    "sv": "Målet bedöms uppfyllas helt, men {count} av undermålen uppfylls bara delvis eller inte: {items}.",
    "en": "The goal is assessed as fully met, but {count} of its child goals are only partly met or not met: {items}.",
    "all_children_met": {
        "sv": "Målet bedöms inte uppfyllas, men alla {children_assessed} bedömda undermål uppfylls helt.",
        "en": "The goal is assessed as not met, but all {children_assessed} assessed child goals are fully met.",
    },
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Helt over a child that is delvis",
     "title_sv": "Överordnat mål uppfylls helt, ett undermål bara delvis",
     "report": {"goals": [
         {"level": "verksamhetsomradesmal", "number": "2.1", "title": "Staden är trygg", "assessment": "helt",
          "children": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "delvis"}]}]}},
    {"expect": "fail", "title": "Inte over children that are all helt",
     "title_sv": "Överordnat mål uppfylls inte, fast alla undermål uppfylls helt",
     "report": {"goals": [
         {"level": "verksamhetsomradesmal", "number": "2.1", "title": "Staden är trygg", "assessment": "inte",
          "children": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                       {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "helt"}]}]}},
    {"expect": "pass", "title": "Delvis over a mix",
     "title_sv": "Överordnat mål uppfylls delvis när undermålen är blandade",
     "report": {"goals": [
         {"level": "verksamhetsomradesmal", "number": "2.1", "title": "Staden är trygg", "assessment": "delvis",
          "children": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                       {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "delvis"}]}]}},
    {"expect": "pass", "title": "A parent without a marker is not compared",
     "title_sv": "Ett överordnat mål utan markering jämförs inte",
     "report": {"goals": [
         {"level": "inriktningsmal", "title": "En stad för alla",
          "children": [{"level": "verksamhetsomradesmal", "title": "Staden är trygg", "assessment": "inte"}]}]}},
]


@Rule(AS.parent << Goal(id=MATCH.parent_id, assessment="helt"),
      AS.child << Goal(parent=MATCH.parent_id, assessment=L("delvis") | L("inte")))
def fully_met_parent_with_a_weaker_child(engine, parent, child):
    engine.flag(ID, parent, child)


@Rule(AS.parent << Goal(assessment="inte", children_assessed=MATCH.assessed, children_helt=MATCH.assessed),
      TEST(lambda assessed: assessed > 0))
def unmet_parent_whose_children_are_all_met(engine, parent):
    engine.flag(ID, parent, message="all_children_met")
