/**
 * Which checks need the answer of each endpoint the gatherer calls: when that
 * endpoint fails, none of these may pass. Derived from the gatherer
 * (src/gather/*) and each check's `requires`, narrowed by hand where a check
 * reads the data only for some projects.
 */
export interface EndpointSpec {
  /** As the client and the simulator label it: "METHOD /template". */
  endpoint: string;
  dependents: string[];
  /** Whether a dependent check in this project (undefined = site check) needs this endpoint's data. */
  appliesTo: (projectKey: string | undefined) => boolean;
  /** Returns a paged list (the paging faults apply). */
  paged: boolean;
  /**
   * The gatherer may stop the whole run on this endpoint's failure: the first call
   * (serverInfo) refused or unreachable means no other call can work either.
   */
  mayStopRun?: boolean;
  /**
   * Only names come from it (the Resolve screens' and fields' names): its failure may change how a
   * summary names a thing, never a check's status, so it has no dependents.
   */
  namesOnly?: boolean;
}

/** The workflow checks that judge a desk's workflows (WF-EXPORT only hands them off). Written out, not read from the catalogue. */
export const WF = [
  'WF-STATUS-BUCKETS',
  'WF-ANY-TO-RESOLVED',
  'WF-ANY-TO-IN-PROGRESS',
  'WF-ANY-TO-REOPENED',
  'WF-RESOLVE-SCREEN-ASSIGNEE',
  'WF-RESOLVE-SCREEN-FIELDS',
  'WF-BOT-TRANSITIONS-RESTRICTED',
  'WF-RESOLVE-SETS-RESOLUTION',
  'WF-REOPEN-UNASSIGNS',
];
/**
 * The account lookup. SA-API-TOKEN is not among them: it is proven by /myself
 * answering as the e-mail and token given, whatever the lookup said.
 */
const SA_LOOKUP = ['SA-EXISTS', 'SA-TIMEZONE', 'SA-PRODUCT-ACCESS', 'SA-PROJECT-ROLE', 'MW-CONNECTOR'];
const PROJECT_CHECKS = ['SA-PROJECT-ROLE', 'CUST-COVERAGE', ...WF];

const any = () => true;
/** The demo's company-managed desks; FAC is team-managed (no schemes, no screens). */
const companyManaged = (key: string | undefined) => key !== 'FAC';

export const ENDPOINTS: EndpointSpec[] = [
  { endpoint: 'GET /rest/api/3/serverInfo', dependents: ['SA-TIMEZONE'], appliesTo: any, paged: false, mayStopRun: true },
  { endpoint: 'GET /rest/api/3/user/search', dependents: SA_LOOKUP, appliesTo: any, paged: false },
  { endpoint: 'GET /rest/api/3/user', dependents: SA_LOOKUP, appliesTo: any, paged: false },
  { endpoint: 'GET /rest/api/3/myself', dependents: ['SA-API-TOKEN', 'SA-TIMEZONE'], appliesTo: any, paged: false },
  { endpoint: 'GET /rest/api/3/group/member', dependents: ['CUST-COVERAGE'], appliesTo: any, paged: true },
  { endpoint: 'GET /rest/servicedeskapi/servicedesk', dependents: PROJECT_CHECKS, appliesTo: any, paged: true },
  { endpoint: 'GET /rest/api/3/project/search', dependents: PROJECT_CHECKS, appliesTo: any, paged: true },
  { endpoint: 'GET /rest/api/3/project/{projectIdOrKey}/role', dependents: ['SA-PROJECT-ROLE'], appliesTo: any, paged: false },
  { endpoint: 'GET /rest/api/3/project/{projectIdOrKey}/role/{id}', dependents: ['SA-PROJECT-ROLE'], appliesTo: any, paged: false },
  { endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', dependents: ['CUST-COVERAGE'], appliesTo: any, paged: true },
  { endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization', dependents: ['CUST-COVERAGE'], appliesTo: any, paged: true },
  // Only the demo's HR and FAC have an organization (Field Operations) whose members are read.
  { endpoint: 'GET /rest/servicedeskapi/organization/{organizationId}/user', dependents: ['CUST-COVERAGE'], appliesTo: (key) => key === 'HR' || key === 'FAC', paged: true },
  { endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', dependents: WF, appliesTo: any, paged: true },
  { endpoint: 'GET /rest/api/3/workflowscheme/project', dependents: WF, appliesTo: companyManaged, paged: true },
  { endpoint: 'POST /rest/api/3/workflows', dependents: WF, appliesTo: any, paged: false },
  { endpoint: 'GET /rest/api/3/screens', dependents: [], appliesTo: companyManaged, paged: true, namesOnly: true },
  { endpoint: 'GET /rest/api/3/field', dependents: [], appliesTo: companyManaged, paged: false, namesOnly: true },
  { endpoint: 'GET /rest/api/3/screens/{screenId}/tabs', dependents: ['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'], appliesTo: companyManaged, paged: false },
  {
    endpoint: 'GET /rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
    dependents: ['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'],
    appliesTo: companyManaged,
    paged: false,
  },
];
