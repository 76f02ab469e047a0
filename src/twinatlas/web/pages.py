"""Server-rendered pages (Jinja2, autoescaped: every name, title and quote from documents is escaped).

Writes from pages (ingest, review) need the write token typed into the form; the cookie that remembers it
only pre-fills that field, so a form posted from another site cannot write (no ambient authority).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from twinatlas.atlas.web_support import filter_changes
from twinatlas.errors import InvalidInput
from twinatlas.models import Event, PartialDate, Place, Relation, Review, iso_or_none
from twinatlas.registry.queries import Partnership, relation_sources
from twinatlas.web.i18n import LANG_COOKIE, choose_lang, languages, words
from twinatlas.web.shared import check_token, document_from_request, parse_date, state_of

TOKEN_COOKIE = "twinatlas_token"
STATUSES = [e.value for e in Event]

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["idq"] = lambda value: quote(str(value), safe=":")  # readable ids in URLs: /place/gn:620127
router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = choose_lang(request)
    web = state_of(request)
    response = templates.TemplateResponse(
        request,
        template,
        {
            "t": words(lang),
            "lang": lang,
            "languages": languages(),
            "name_of": lambda place: web.support.display_name(place, lang),
            "iso": iso_or_none,
            "tile_url": web.settings.tile_url,
            "token_value": request.cookies.get(TOKEN_COOKIE, ""),
            "statuses": STATUSES,
            **context,
        },
        status_code=status,
    )
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def render_error(request: Request, message: str, status: int) -> Response:
    try:
        return render(request, "error.html", status=status, message=message, status_code=status)
    except Exception:  # the error page itself must never fail
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)


def _map_point(place: Place, name: str, status: str | None = None) -> dict[str, Any] | None:
    if place.lat is None or place.lon is None:
        return None
    return {
        "id": place.id,
        "name": name,
        "lat": place.lat,
        "lon": place.lon,
        "status": status,
        "url": f"/place/{place.id}",
    }


def _source_count(rel: Relation) -> int:
    return len({s.doc for s in relation_sources(rel)})


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    counts = state_of(request).atlas.store.counts()
    return render(request, "home.html", counts=counts)


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request, q: str = "") -> HTMLResponse:
    found = state_of(request).support.search(q, limit=30) if q.strip() else []
    return render(request, "search.html", q=q, found=found)


@router.get("/place/{place_id:path}", response_class=HTMLResponse)
async def place_page(request: Request, place_id: str, pending: bool = False) -> HTMLResponse:
    web = state_of(request)
    place, found = web.atlas.partners(place_id, include_pending=pending)
    _, steps = web.atlas.timeline(place.id, pending)
    lang = choose_lang(request)
    points = [_map_point(p.place, web.support.display_name(p.place, lang), p.status and p.status.value) for p in found]
    map_data = {
        "center": _map_point(place, web.support.display_name(place, lang)),
        "partners": [p for p in points if p is not None],
    }
    conflicts = [c for p in found for c in p.relation.conflicts]
    return render(
        request,
        "place.html",
        place=place,
        partners=found,
        steps=steps,
        conflicts=conflicts,
        map_data=map_data,
        pending=pending,
        sources_of=_source_count,
        partner_of=_partner_status,
    )


def _partner_status(p: Partnership) -> str:
    return p.status.value if p.status else "unknown"


@router.get("/pair", response_class=HTMLResponse)
async def pair_page(request: Request, a: str, b: str, pending: bool = False) -> HTMLResponse:
    web = state_of(request)
    rel = web.atlas.pair(a, b, pending)
    docs = web.atlas.store.documents_by_sha({s.doc for s in relation_sources(rel)})
    lang = choose_lang(request)
    points = [
        _map_point(rel.a, web.support.display_name(rel.a, lang)),
        _map_point(rel.b, web.support.display_name(rel.b, lang), rel.status and rel.status.value),
    ]
    map_data = {"center": points[0], "partners": [p for p in points[1:] if p]}
    return render(request, "pair.html", rel=rel, docs=docs, map_data=map_data, pending=pending)


@router.get("/countries", response_class=HTMLResponse)
async def countries_page(request: Request, a: str = "", b: str = "") -> HTMLResponse:
    if not a.strip():
        return render(request, "countries.html", a=a, b=b, stats=None, relations=[], map_data=None)
    web = state_of(request)
    stats = web.atlas.stats(a, b or None)
    codes = set(stats.countries)
    relations = [
        r
        for r in web.atlas.relations()
        if {r.a.country, r.b.country} == codes or (len(codes) == 1 and codes & {r.a.country, r.b.country})
    ]
    matrix: dict[str, dict[str, int]] = {}
    for rel in relations:
        row = matrix.setdefault(f"{rel.a.level.value}–{rel.b.level.value}", {})
        status = rel.status.value if rel.status else "unknown"
        row[status] = row.get(status, 0) + 1
    lines = [
        {"a": _map_point(r.a, r.a.name), "b": _map_point(r.b, r.b.name), "status": r.status and r.status.value}
        for r in relations
    ]
    map_data = {"center": None, "partners": [], "lines": [ln for ln in lines if ln["a"] and ln["b"]]}
    return render(
        request, "countries.html", a=a, b=b, stats=stats, relations=relations, matrix=matrix, map_data=map_data
    )


@router.get("/changes", response_class=HTMLResponse)
async def changes_page(
    request: Request, since: str = "", until: str = "", country: str = "", event: str = ""
) -> HTMLResponse:
    web = state_of(request)
    events = {Event(event)} if event in STATUSES else None
    if event and events is None:
        raise InvalidInput(f"event {event!r} is not one of {', '.join(STATUSES)}")
    found = web.atlas.changes(parse_date(since, "since") or PartialDate(1))
    found = filter_changes(found, country or None, events, parse_date(until, "until"))[:500]
    return render(request, "changes.html", found=found, since=since, until=until, country=country, event=event)


@router.get("/conflicts", response_class=HTMLResponse)
async def conflicts_page(request: Request) -> HTMLResponse:
    return render(request, "conflicts.html", conflicts=state_of(request).atlas.conflicts())


@router.get("/ingest", response_class=HTMLResponse)
async def ingest_form(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", result=None, text="", name="")


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_post(
    request: Request,
    action: Annotated[str, Form()] = "preview",
    token: Annotated[str, Form()] = "",
    text: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    name: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    web = state_of(request)
    doc = await document_from_request(web.settings, text, file, name)
    if action == "save":
        check_token(web.settings, token)
        result = web.support.save(doc)
    else:
        result = web.support.preview(doc)
    response = render(request, "ingest.html", result=result, text=doc.text, name=doc.name)
    if action == "save":
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


@router.get("/review", response_class=HTMLResponse)
async def review_page(request: Request, done: str = "") -> HTMLResponse:
    return render(request, "review.html", items=state_of(request).support.pending(), done=done)


@router.post("/review/{assertion_id}")
async def review_post(
    request: Request,
    assertion_id: int,
    decision: Annotated[str, Form()],
    token: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    web = state_of(request)
    check_token(web.settings, token)
    if decision not in (Review.ACCEPTED.value, Review.REJECTED.value):
        raise InvalidInput(f"decision {decision!r} is not 'accepted' or 'rejected'")
    web.support.decide(assertion_id, Review(decision), reason or f"{decision} on the review page")
    response = RedirectResponse(f"/review?done={assertion_id}", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response
