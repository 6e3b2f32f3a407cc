/**
 * Builds a request path from an endpoint template, its path parameters and a query.
 * The template (not the built path) is what errors and counters name, so ids and
 * e-mail addresses never end up in stats or messages.
 */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];
export type QueryParams = Record<string, QueryValue>;
export type PathParams = Record<string, string | number>;

export function buildRequestPath(template: string, pathParams: PathParams = {}, query: QueryParams = {}): string {
  const path = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter ${name} for ${template}`);
    // ':' is legal in a path segment and JSM's documented identifiers use it bare
    // (`servicedesk/projectId:10012`), so it is sent as written rather than as %3A.
    return encodeURIComponent(String(value)).replace(/%3A/gi, ':');
  });
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // Jira takes repeated keys for lists: projectId=1&projectId=2
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}
