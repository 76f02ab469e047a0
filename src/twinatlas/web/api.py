"""The JSON API under /api/: the shapes of the CLI's --json (DESIGN.md), one Atlas call per route.

Reads are open; writes (ingest, review decisions) need `Authorization: Bearer <TWINATLAS_TOKEN>`.
Handlers are `async` on purpose: they run on the event loop's one thread, so the SQLite connections of
the store and the gazetteer are always used from the thread that opened them.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field

from twinatlas.atlas.web_support import filter_changes
from twinatlas.errors import InvalidInput
from twinatlas.models import Event, PartialDate, Review
from twinatlas.web.errors import ERROR_RESPONSES
from twinatlas.web.exports import relations_csv, relations_geojson, relations_jsonl
from twinatlas.web.shared import bearer, check_token, document_from_request, parse_date, state_of

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

Pending = Annotated[bool, Query(description="Include assertions still pending review.")]


def _place_json(place: Any) -> dict[str, Any]:
    return {**place.to_json(), "lat": place.lat, "lon": place.lon, "resolved": place.resolved}


@router.get("/search", summary="Autocomplete: registry places a name (any script, case, or a prefix) may mean")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[dict[str, Any]]:
    web = state_of(request)
    return [
        {
            "place": _place_json(p),
            "label": web.support.display_name(p, request.query_params.get("lang", "en")),
            "url": f"/place/{p.id}",
        }
        for p in web.support.search(q, limit)
    ]


@router.get("/resolve", summary="What the gazetteer makes of a name (the shape of `place NAME --json`)")
async def resolve(
    request: Request, name: Annotated[str, Query(min_length=1)], lang: str | None = None, country: str | None = None
) -> dict[str, Any]:
    return state_of(request).atlas.resolve(name, lang=lang, country=country).to_json()


@router.get("/place", summary="A registry place named in any script or case, or by its id")
async def place(request: Request, name: Annotated[str, Query(min_length=1)]) -> dict[str, Any]:
    return _place_json(state_of(request).atlas.place(name))


@router.get("/partners", summary="Partners of a place, with status, dates and sources (`partners --json`)")
async def partners(
    request: Request,
    place: Annotated[str, Query(min_length=1)],
    at: str | None = None,
    status: Annotated[list[Event] | None, Query()] = None,
    pending: Pending = False,
) -> list[dict[str, Any]]:
    _, found = state_of(request).atlas.partners(place, parse_date(at, "at"), set(status) if status else None, pending)
    return [p.to_json() for p in found]


@router.get("/timeline", summary="Every dated event of a place's relations, oldest first")
async def timeline(
    request: Request, place: Annotated[str, Query(min_length=1)], pending: Pending = False
) -> list[dict[str, Any]]:
    _, steps = state_of(request).atlas.timeline(place, pending)
    return [c.to_json() for c in steps]


@router.get("/pair", summary="The history of a pair with every quote and source, and its conflicts (`pair --json`)")
async def pair(
    request: Request,
    a: Annotated[str, Query(min_length=1)],
    b: Annotated[str, Query(min_length=1)],
    pending: Pending = False,
) -> dict[str, Any]:
    out = state_of(request).atlas.pair(a, b, pending).to_json()
    return {k: out[k] for k in ("a", "b", "status", "kind", "start", "end", "history", "conflicts")}


@router.get("/stats", summary="Pairs by level and status between two countries, or of one country (`stats --json`)")
async def stats(
    request: Request, country: Annotated[list[str], Query(min_length=1, max_length=2)], at: str | None = None
) -> dict[str, Any]:
    second = country[1] if len(country) == 2 else None
    return state_of(request).atlas.stats(country[0], second, parse_date(at, "at")).to_json()


@router.get("/changes", summary="Events on or after a date, newest first; filter by country, event and end date")
async def changes(
    request: Request,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    event: Annotated[list[Event] | None, Query()] = None,
    pending: Pending = False,
    limit: Annotated[int, Query(ge=1, le=10000)] = 500,
) -> list[dict[str, Any]]:
    atlas = state_of(request).atlas
    found = filter_changes(
        atlas.changes(parse_date(since, "since") or PartialDate(1), pending),
        country,
        set(event) if event else None,
        parse_date(until, "until"),
    )
    return [c.to_json() for c in found[:limit]]


@router.get("/conflicts", summary="Claims that contradict what is known (`conflicts --json`)")
async def conflicts(request: Request) -> list[dict[str, Any]]:
    return [c.to_json() for c in state_of(request).atlas.conflicts()]


@router.get("/network", summary="Network metrics: size, components, degrees, assortativity, clustering, centrality")
async def network(
    request: Request,
    status: Annotated[list[Event] | None, Query()] = None,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    return state_of(request).atlas.network(set(status) if status else None, top).to_json()


@router.get(
    "/export/relations.{fmt}",
    summary="Relations as CSV, JSON Lines or GeoJSON (all, or one place's)",
    response_class=PlainTextResponse,
)
async def export(
    request: Request, fmt: Literal["csv", "jsonl", "geojson"], place: str | None = None, pending: Pending = False
) -> Response:
    atlas = state_of(request).atlas
    relations = atlas.relations(atlas.place(place) if place else None, include_pending=pending)
    if fmt == "csv":
        return Response(
            relations_csv(relations),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="relations.csv"'},
        )
    if fmt == "jsonl":
        return Response(relations_jsonl(relations), media_type="application/x-ndjson; charset=utf-8")
    body = json.dumps(relations_geojson(relations), ensure_ascii=False)
    return Response(body, media_type="application/geo+json")


@router.post(
    "/ingest", summary="Ingest pasted text or an uploaded file (needs the write token); preview=true stores nothing"
)
async def ingest(
    request: Request,
    text: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    name: Annotated[str | None, Form()] = None,
    url: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form(description="YYYY[-MM[-DD]]")] = None,
    preview: Annotated[bool, Form()] = False,
) -> dict[str, Any]:
    web = state_of(request)
    check_token(web.settings, bearer(request))
    doc = await document_from_request(web.settings, text, file, name, url, published)
    result = web.support.preview(doc) if preview else web.support.save(doc)
    return {"ok": True, **result.to_json()}


@router.get("/review", summary="Assertions pending review, with the text around each quote")
async def review_queue(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
    return [item.to_json() for item in state_of(request).support.pending(limit)]


class Decision(BaseModel):
    decision: Literal["accepted", "rejected"]
    reason: str = Field(default="", max_length=2000)


@router.post("/review/{assertion_id}", summary="Accept or reject a pending assertion (needs the write token)")
async def decide(request: Request, assertion_id: int, body: Decision) -> dict[str, Any]:
    web = state_of(request)
    check_token(web.settings, bearer(request))
    if body.decision == "rejected" and not body.reason.strip():
        raise InvalidInput("rejecting an assertion needs a reason")
    decided = web.support.decide(assertion_id, Review(body.decision), body.reason)
    return {"ok": True, "id": assertion_id, "review": decided.review.value}
