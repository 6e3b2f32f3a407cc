/**
 * Matches "METHOD /path" against the route templates (the official OpenAPI paths)
 * and pulls out the path parameters.
 */
import { fieldRoutes } from './routes/fields';
import { groupWriteRoutes } from './routes/groups-write';
import { issueRoutes } from './routes/issues';
import { organizationRoutes } from './routes/organizations';
import { permissionRoutes } from './routes/permissions';
import { projectRoutes } from './routes/projects';
import type { Route } from './routes/route';
import { screenWriteRoutes } from './routes/screen-writes';
import { serviceDeskRoutes } from './routes/servicedesk';
import { userRoutes } from './routes/users';
import { workflowWriteRoutes } from './routes/workflow-writes';
import { workflowRoutes } from './routes/workflows';

export const ROUTES: readonly Route[] = [
  ...userRoutes,
  ...projectRoutes,
  ...workflowRoutes,
  ...workflowWriteRoutes,
  ...screenWriteRoutes,
  ...fieldRoutes,
  ...groupWriteRoutes,
  ...permissionRoutes,
  ...issueRoutes,
  ...serviceDeskRoutes,
  ...organizationRoutes,
];

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

const COMPILED = ROUTES.map(compile);

/** A malformed %-escape is kept as sent, so it reads as "not found" rather than crashing the request. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export type Match = { route: Route; params: Record<string, string> } | { methodNotAllowed: true; template: string } | undefined;

export function matchRoute(method: string, path: string): Match {
  let sameTemplate: string | undefined;
  for (const { route, pattern, names } of COMPILED) {
    const found = pattern.exec(path);
    if (!found) continue;
    if (route.method !== method) {
      sameTemplate ??= route.template;
      continue;
    }
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeSegment(found[i + 1]!);
    });
    return { route, params };
  }
  return sameTemplate ? { methodNotAllowed: true, template: sameTemplate } : undefined;
}
