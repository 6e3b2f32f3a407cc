// Cuts Atlassian's official OpenAPI documents down to the operations this app calls,
// keeping every schema they reference, so the project carries a small, exact copy.
// Source: Atlassian's official OpenAPI documents (jsm.v3.json, swagger-v3.v3.json) in the folder OPENAPI_SOURCE names. Output: spec/*.trimmed.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.env.OPENAPI_SOURCE ?? resolve(root, '..', 'shared', 'openapi');

/** The operations the gatherer, the fixes and the e-mail report call. */
const PLATFORM_OPERATIONS = {
  '/rest/api/3/serverInfo': ['get'],
  '/rest/api/3/myself': ['get'],
  '/rest/api/3/user': ['get'],
  '/rest/api/3/user/search': ['get'],
  '/rest/api/3/user/groups': ['get'],
  '/rest/api/3/project/search': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/role': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/role/{id}': ['get', 'post'],
  '/rest/api/3/group/member': ['get'],
  '/rest/api/3/group/user': ['post'],
  '/rest/api/3/applicationrole/{key}': ['get'],
  '/rest/api/3/groups/picker': ['get'],
  '/rest/api/3/workflowscheme/project': ['get'],
  '/rest/api/3/workflow/{workflowId}/projectUsages': ['get'],
  '/rest/api/3/workflow/{workflowId}/project/{projectId}/issueTypeUsages': ['get'],
  '/rest/api/3/workflows': ['post'],
  '/rest/api/3/workflows/search': ['get'],
  '/rest/api/3/workflows/update': ['post'],
  '/rest/api/3/workflows/update/validation': ['post'],
  '/rest/api/3/field': ['get'],
  '/rest/api/3/resolution/search': ['get'],
  '/rest/api/3/screens': ['get', 'post'],
  '/rest/api/3/screens/{screenId}/tabs': ['get', 'post'],
  '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields': ['get', 'post'],
  '/rest/api/3/mypermissions': ['get'],
  '/rest/api/3/permissions/check': ['post'],
  '/rest/api/3/issue': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}': ['get'],
  '/rest/api/3/issue/{issueIdOrKey}/notify': ['post'],
};

const SERVICEDESK_OPERATIONS = {
  '/rest/servicedeskapi/servicedesk': ['get'],
  '/rest/servicedeskapi/servicedesk/{serviceDeskId}': ['get'],
  '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer': ['get', 'post'],
  '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype': ['get'],
  '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization': ['get'],
  '/rest/servicedeskapi/organization/{organizationId}/user': ['get'],
};

function collectRefs(node, out) {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.add(value);
      else collectRefs(value, out);
    }
  }
}

function trim(document, operations) {
  const paths = {};
  for (const [path, methods] of Object.entries(operations)) {
    const item = document.paths[path];
    if (!item) throw new Error(`The official spec has no path ${path}`);
    paths[path] = {};
    if (item.parameters) paths[path].parameters = item.parameters;
    for (const method of methods) {
      if (!item[method]) throw new Error(`The official spec has no ${method.toUpperCase()} ${path}`);
      paths[path][method] = item[method];
    }
  }
  // Follow $refs transitively so every schema a kept operation reaches is kept.
  const keep = new Set();
  const pending = new Set();
  collectRefs(paths, pending);
  while (pending.size > 0) {
    const [ref] = pending;
    pending.delete(ref);
    if (keep.has(ref)) continue;
    keep.add(ref);
    const [, , section, name] = ref.split('/');
    const target = document.components?.[section]?.[name];
    if (!target) throw new Error(`Unresolvable reference ${ref}`);
    collectRefs(target, pending);
  }
  const components = {};
  for (const ref of [...keep].sort()) {
    const [, , section, name] = ref.split('/');
    components[section] ??= {};
    components[section][name] = document.components[section][name];
  }
  if (document.components?.securitySchemes) components.securitySchemes = document.components.securitySchemes;
  return {
    openapi: document.openapi,
    info: { ...document.info, description: `Trimmed by scripts/trim-openapi.mjs from Atlassian's official document: only the operations this app calls. ${document.info.title}` },
    servers: document.servers,
    paths,
    components,
  };
}

for (const [file, out, ops] of [
  ['swagger-v3.v3.json', 'jira-platform.trimmed.json', PLATFORM_OPERATIONS],
  ['jsm.v3.json', 'jira-servicedesk.trimmed.json', SERVICEDESK_OPERATIONS],
]) {
  const document = JSON.parse(readFileSync(join(source, file), 'utf8'));
  const trimmed = trim(document, ops);
  writeFileSync(join(root, 'spec', out), JSON.stringify(trimmed, null, 1) + '\n');
  console.log(`spec/${out}: ${Object.keys(trimmed.paths).length} paths, ${Object.keys(trimmed.components.schemas ?? {}).length} schemas`);
}
