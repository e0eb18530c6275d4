// The HTTP API, read as JSON. List endpoints answer {"total", "items"}; `items()` also accepts a
// bare list so a view does not break if one endpoint answers differently.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

export async function get(path, params) {
  const res = await fetch(path + query(params), { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let message = res.statusText;
    try {
      const body = await res.json();
      message = body.error || (typeof body.detail === "string" ? body.detail : "") || message;   // the API: {error, detail}
      if (typeof message !== "string") message = JSON.stringify(message);
    } catch { /* not JSON: keep the status text */ }
    throw new ApiError(res.status, message);
  }
  return res.json();
}

export function items(body) {
  if (Array.isArray(body)) return body;
  return (body && (body.items || body.results || body.hits)) || [];
}

/** Every page of a list endpoint (the map wants all events, the API pages them). */
export async function all(path, params, pageSize = 2000, cap = 50000) {
  const out = [];
  for (let offset = 0; offset < cap; offset += pageSize) {
    const body = await get(path, { ...params, limit: pageSize, offset });
    const page = items(body);
    out.push(...page);
    const total = Array.isArray(body) ? null : body.total;
    if (page.length < pageSize || (total !== null && total !== undefined && out.length >= total)) break;
  }
  return out;
}

/** A path segment: doc ids hold slashes (`txt/report_00`) and colons (`urn:uuid:…`). */
export const seg = (s) => encodeURIComponent(s);

export const articleUrl = (docId) => `/api/articles/${docId.split("/").map(seg).join("/")}`;

/** An event's day: its own date, else its first source's publication date (as the ACLED export does). */
export function eventDay(ev) {
  if (ev.event_date) return ev.event_date.slice(0, 10);
  const published = (ev.sources || []).map((s) => s.published).filter(Boolean).sort()[0];
  return published ? published.slice(0, 10) : null;
}

/** Events stored per article carry their details in `data` (a JSON string) in some responses. */
export function eventRecord(row) {
  if (row && typeof row.data === "string") {
    try { return { ...JSON.parse(row.data), ...stripData(row) }; } catch { return row; }
  }
  return row && row.data && typeof row.data === "object" ? { ...row.data, ...stripData(row) } : row;
}

function stripData(row) {
  const { data, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
}
