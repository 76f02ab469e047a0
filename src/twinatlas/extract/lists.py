"""Lists and tables: 'YEAR: A – B, C – D', 'Partner cities: X (1995), Y (2003)', bullet lists under a header.

A header year scopes the lines below it until the next header or a prose line; a header naming the relation
('Twin towns:', 'Списък на побратимени градове') scopes the list lines that follow it. Quotes run from the
header to the item, as in the gold convention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from twinatlas.extract.dates import find_dates
from twinatlas.extract.langdata import LangData
from twinatlas.extract.list_blocks import block_date, is_title, other_heading
from twinatlas.extract.scope import read_clause
from twinatlas.extract.text import Positions, Span, words
from twinatlas.models import Claim, Event, Kind, Mention, PartialDate

_YEAR_HEADER = re.compile(r"\s{0,8}[-•*·▪‣]?\s{0,4}((?:19|20)\d\d)(?!\d)[^\n\d:–—‒•|-]{0,24}?\s?(?:[:–—‒•|-]|$)")
_DASHES = "–—‒"
_BRACKET_ONLY = re.compile(r"\s*(?:\([^()\n]*\))?\s*")  # a partner's heading: the name, perhaps '(Country)'
LIST_LINE_MAX = 400  # longer lines are prose, not list rows
HEADER_REACH_LINES = 40  # a relation header scopes this many list lines below it
ITEM_TAIL_CHARS = 60
BULLET_ITEM_REACH = 24  # characters from a bullet line's start to its place
BULLETS = "-–—‒•*·▪‣"  # how far after an item its own date may sit ('Lyon (France, 1992)')


@dataclass
class ListResult:
    claims: list[Claim] = field(default_factory=list)
    consumed: list[Span] = field(default_factory=list)  # lines the prose reader must skip


def _dash_gap(gap: str) -> bool:
    """'A – B', 'A — община B', 'A - B': one dash, at most two words (level words) around it."""
    stripped = gap.strip()
    dashes = sum(stripped.count(d) for d in _DASHES)
    spaced_hyphen = " - " in f" {gap} " and gap.count("-") == 1
    if dashes + (1 if spaced_hyphen else 0) != 1 or any(c in gap for c in ",;.:()[]|"):
        return False
    return len(words(gap)) <= 2


def _reads_as_list(folded: str, line: Span, line_parties: Sequence[Mention], pairs: int) -> bool:
    """A row of 'A – B' items rather than prose with a dash in it ('X is linked with Y — their agreement...'):
    few words besides the places (level words, years, a country in brackets)."""
    named = sum(len(words(folded[p.start : p.end])) for p in line_parties)
    other = len(words(folded[line.start : line.end])) - named
    return other <= 3 * pairs + 4


def _tail_date(folded: str, start: int, stop: int, data: LangData, published: PartialDate | None) -> PartialDate | None:
    """The date written after an item: in its brackets ('Lyon (France, 1992)'), else after them or after its
    comma ('Cardiff (UK), since 1964', '• Kaluga (Russia) — since 2008'), up to the next item."""
    end = min(stop, start + ITEM_TAIL_CHARS)
    paren = folded.find("(", start, end)
    if paren != -1 and not folded[start:paren].strip(" ,"):
        closing = folded.find(")", paren, end)
        inside = find_dates(folded, paren, closing if closing != -1 else end, data, published)
        if inside:
            return inside[0].value
    found = find_dates(folded, start, _item_end(folded, start, end), data, published)
    return found[0].value if found else None


def _item_end(folded: str, start: int, end: int) -> int:
    """Where an item's own tail stops: after a ';' comes a note about it ('; suspended in March 2022')."""
    semicolon = folded.find(";", start, end)
    return semicolon if semicolon != -1 else end


def _claim(text, a, b, date, kind, header_start, item_end, confidence, rule):
    quote = text[header_start:item_end].strip()
    start = header_start + (len(text[header_start:item_end]) - len(text[header_start:item_end].lstrip()))
    return Claim(a, b, Event.SIGNED, kind, date, quote, start, start + len(quote), confidence, rule)


def list_claims(
    text: str,
    folded: str,
    line_spans: Sequence[Span],
    cues: Positions,
    parties: Positions,
    data: LangData,
    published: PartialDate | None,
    topic: Mention | None,
    default_kind: Kind,
) -> ListResult:
    result = ListResult()
    header_year: PartialDate | None = None
    header_line = -999  # index of the last line naming the relation
    relation_kind = default_kind
    colon_subject: Mention | None = None  # 'Partner cities of X:' opens a list of X's partners
    bullets_only = False  # after a title line without a colon, only bullet lines and lines led by a place
    header_event: Event | None = None  # a title that ends the relations it lists: 'Former twin towns'
    for index, line in enumerate(line_spans):
        row = folded[line.start : line.end]
        line_cues = cues.inside(line.start, line.end)
        relation_cues = [c for c in line_cues if c.role in ("twin", "agree")]
        if relation_cues and not (colon_subject is not None and row.lstrip()[:1] in BULLETS):
            header_line = index  # a bullet item mentioning 'cooperation' stays an item of the list above
            relation_kind = next((c.cue.kind for c in relation_cues if c.cue.kind), default_kind)
        year_match = _YEAR_HEADER.match(row)
        items_from = line.start
        if year_match:
            header_year = PartialDate(int(year_match.group(1)))
            items_from = line.start + year_match.end()
        elif len(row) > LIST_LINE_MAX:
            # prose ends a year's or a colon's list; under a title, a partner's block may describe it at length
            header_year = None
            colon_subject = colon_subject if bullets_only else None
            continue
        in_list = year_match is not None or index - header_line <= HEADER_REACH_LINES
        line_parties: list[Mention] = parties.inside(items_from, line.end)
        pairs_here = _dash_pairs(
            text, folded, line, items_from, line_parties, data, published, header_year, relation_kind, in_list
        )
        if pairs_here and (year_match or _reads_as_list(folded, line, line_parties, len(pairs_here))):
            result.claims.extend(_with_notes(text, folded, line, pairs_here, cues, data, published))
            result.consumed.append(line)
            continue
        colon = row.find(":")
        bullet = row.lstrip()[:1] in BULLETS
        if colon_subject is not None and other_heading(row, line_cues, line_parties, bullet):
            colon_subject, header_event = None, None  # 'Contract round-up' after 'Cutting ties' ends its list
            continue
        titled = relation_cues and colon == -1 and is_title(row) and not bullet and len(line_parties) <= 1
        row_of_list = colon_subject is not None and bool(line_parties) and _leads(folded, line, line_parties[0])
        if titled and not row_of_list and (line_parties or topic is not None):
            # 'Partner regions of Burgas Province', 'Stadt X – Partnerstädte', or a bare 'Twin towns' under a
            # page about X: the bullet lines and the lines led by a place below it are the partners
            colon_subject, bullets_only = (line_parties[0] if line_parties else topic), True
            header_event = _header_event(line_cues)
            continue
        if relation_cues and 0 < colon <= 80 and colon > relation_cues[0].start - line.start:
            before = [p for p in line_parties if p.end <= line.start + colon and not _after_in(folded, p, data)]
            after = [p for p in line_parties if p.start > line.start + colon]
            if before or after or colon_subject is None:  # not a block's 'Agreement: 2004' line
                bullets_only, header_event = False, None
            # 'Partner towns in the Kaluga region:' lists the page's partners there, not the region's
            colon_subject = before[0] if before else (colon_subject or topic)
            if after and colon_subject is not None:
                result.claims.extend(
                    _partners(
                        text,
                        folded,
                        line,
                        after,
                        colon_subject,
                        data,
                        published,
                        header_year,
                        relation_kind,
                        line.start,
                        0.7,
                    )
                )
                result.consumed.append(line)
            continue
        if colon_subject is not None and index - header_line <= HEADER_REACH_LINES and len(row) < 160:
            leading = bool(line_parties) and _leads(folded, line, line_parties[0])
            # a bullet item names its place first ('• Kaluga (Russia) — since 2008'); a dash opening a line of
            # dialogue ('— Last year we signed …') is no bullet of a list
            bullet = bullet and line_parties[0].start - line.start <= BULLET_ITEM_REACH if line_parties else bullet
            if line_parties and (bullet or leading or (not relation_cues and not bullets_only)):
                header_start = line_spans[header_line].start if header_line >= 0 else line.start
                found = _partners(
                    text,
                    folded,
                    line,
                    line_parties[:1],
                    colon_subject,
                    data,
                    published,
                    header_year,
                    relation_kind,
                    header_start,
                    0.6,
                )
                if found and found[0].date is None and _BRACKET_ONLY.fullmatch(folded[line_parties[0].end : line.end]):
                    # a block per partner: 'KOLOMYIA (Ukraine)', then 'Partnership agreement: 27 August 2011'
                    dated = block_date(folded, line_spans, index, cues, data, published)
                    found = [replace(claim, date=dated) for claim in found]
                if header_event is not None:  # under 'Former partners', 'Terminated ties'; a dated row began then
                    found = [c for c in found if c.date is not None] + [
                        replace(claim, event=header_event, date=None) for claim in found
                    ]
                result.claims.extend(_with_notes(text, folded, line, found, cues, data, published))
                result.consumed.append(line)
        elif not line_parties and len(row) > 160 and not bullets_only:
            colon_subject = None
    return result


def _after_in(folded: str, party: Mention, data: LangData) -> bool:
    """The place follows a locative word ('in', «в»): it says where, it owns nothing."""
    before = words(folded[max(0, party.start - 12) : party.start])
    return bool(before) and before[-1] in data.words("in")


def _leads(folded: str, line: Span, party: Mention) -> bool:
    """The line starts with the place, after a bullet or a number at most, and goes on as a list row does:
    a bracket, a comma, a dash, a table's cell border or a year ('Jelgava (Latvia) – since 1994', 'Lublin | Poland
    | 1992'), not a verb ('Varna hosted ...')."""
    if folded[line.start : party.start].strip(BULLETS + " \t0123456789.)|"):
        return False
    after = folded[party.end : line.end].lstrip(" ")
    return not after or after[0] in "(,–—‒-:;|\t" or after[0].isdigit()


def _header_event(line_cues: Sequence) -> Event | None:
    statement = read_clause(list(line_cues))
    if statement is None or statement.event in (Event.SIGNED, Event.PLANNED):
        return None
    return statement.event


def _with_notes(text, folded, line, found, cues, data, published):
    """A row's claims and the events its note adds ('Camborne – Mesquer (France): link discontinued in 2015').
    A signing dated only by the note's own date is the note's, not a signing: it goes."""
    notes = _status_notes(text, folded, line, found, cues, data, published)
    noted = {(note.a.start, note.b.start, note.date) for note in notes if note.date is not None}
    return [claim for claim in found if (claim.a.start, claim.b.start, claim.date) not in noted] + notes


def _status_notes(text, folded, line, found, cues, data, published):
    """'• Brest (Belarus) — since 1998; cooperation suspended in March 2022': a note after a listed partner that
    ends or suspends the relation is a second event of the same pair, dated by the note itself."""
    out = []
    for claim in found[:1]:
        after = list(cues.inside(claim.b.end, line.end))
        statement = read_clause(after)
        if statement is None or statement.event is Event.SIGNED or statement.event is Event.PLANNED:
            continue
        dates = find_dates(folded, statement.anchor, line.end, data, published)
        date = dates[0].value if dates else None
        quote = text[line.start : line.end].strip()
        start = line.start + len(text[line.start : line.end]) - len(text[line.start : line.end].lstrip())
        end = start + len(quote)
        out.append(Claim(claim.a, claim.b, statement.event, claim.kind, date, quote, start, end, 0.7, "list:note"))
    return out


def _dash_pairs(text, folded, line, items_from, line_parties, data, published, header_year, kind, in_list):
    out = []
    i = 0
    while i + 1 < len(line_parties) and in_list:
        a, b = line_parties[i], line_parties[i + 1]
        if _dash_gap(folded[a.end : b.start]):
            stop = line_parties[i + 2].start if i + 2 < len(line_parties) else line.end
            date = _tail_date(folded, b.end, stop, data, published) or header_year
            confidence = 0.9 if header_year is not None else 0.75
            out.append(_claim(text, a, b, date, kind, line.start, b.end, confidence, "list:dash"))
            i += 2
        else:
            i += 1
    return out


def _partners(text, folded, line, partners, subject, data, published, header_year, kind, header_start, confidence):
    out = []
    for n, partner in enumerate(partners):
        if partner.start <= subject.end and partner.end >= subject.start:
            continue
        stop = partners[n + 1].start if n + 1 < len(partners) else line.end
        date = _tail_date(folded, partner.end, stop, data, published) or header_year
        out.append(_claim(text, subject, partner, date, kind, header_start, partner.end, confidence, "list:partners"))
    return out
