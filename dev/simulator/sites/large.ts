/**
 * A large generated site for the benchmark: by default 200 service desks and
 * 20,000 users, built in well under a second. Same credentials, groups,
 * workflows and screens as the demo site (the ready variants). Some desks have
 * gaps so a run has real work: every 10th lacks the service account in its team
 * role, every 7th misses 1% of the end users as customers. Desks without gaps
 * share one customer list (copy-on-write) so memory stays small.
 */
import { SiteModel } from '../model';
import { DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVER_TIME_ZONE, GROUP_IDS, serviceDeskRoles } from './demo';
import { demoScreens, demoStatuses, demoWorkflows, WORKFLOW_NAMES } from './demo-workflows';
import { atlassianAccountId } from './ids';
import { DEMO_DOMAIN } from './people';

export interface LargeSiteOptions {
  serviceDesks?: number;
  users?: number;
}

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gita', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rui', 'Sana', 'Tom', 'Uma', 'Vik', 'Wen', 'Xia', 'Yara', 'Zed'];
const LAST = ['Adler', 'Boyd', 'Costa', 'Diaz', 'Engel', 'Fox', 'Gupta', 'Hale', 'Ito', 'Jones', 'Khan', 'Lund', 'Moss', 'Nair', 'Ortiz', 'Price', 'Quist', 'Roy', 'Stone', 'Tran', 'Ueda', 'Voss', 'Wu', 'Xu', 'Young', 'Zhou'];

export const LARGE_FIRST_DESK_ID = 101;

export function buildLargeSite(options: LargeSiteOptions = {}): SiteModel {
  const deskCount = options.serviceDesks ?? 200;
  const userCount = options.users ?? 20000;
  const model = new SiteModel({ title: 'Globex Jira (generated)', serverTimeZone: DEMO_SERVER_TIME_ZONE });

  const admin = DEMO_CREDENTIALS.admin;
  const sa = DEMO_CREDENTIALS.serviceAccount;
  model.addUser({ accountId: admin.accountId, accountType: 'atlassian', active: true, displayName: 'Priya Raman', email: admin.email, timeZone: 'Europe/London' });
  model.addUser({ accountId: sa.accountId, accountType: 'atlassian', active: true, displayName: 'Moveworks Bot', email: sa.email, timeZone: 'America/Danmarkshavn' });
  const staff: string[] = [];
  for (let i = 0; i < userCount; i++) {
    const accountId = atlassianAccountId(10000 + i);
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    model.addUser({
      accountId,
      accountType: 'atlassian',
      active: i % 97 !== 0,
      displayName: `${first} ${last} ${i}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@${DEMO_DOMAIN}`,
      emailHidden: i % 5 === 0,
      timeZone: i % 3 === 0 ? undefined : 'Europe/Berlin',
    });
    staff.push(accountId);
  }

  model.addGroup({ groupId: GROUP_IDS.jiraAdmins, name: 'jira-admins-globex' });
  model.addGroup({ groupId: GROUP_IDS.serviceDeskUsers, name: 'jira-servicedesk-users' });
  model.addGroup({ groupId: GROUP_IDS.allEmployees, name: DEMO_END_USER_GROUP });
  model.addGroup({ groupId: GROUP_IDS.itAgents, name: 'service-agents' });
  model.adminGroupIds.add(GROUP_IDS.jiraAdmins);
  model.addApplicationRole({ key: 'jira-servicedesk', name: 'Jira Service Management', groupIds: [GROUP_IDS.serviceDeskUsers] });
  const agents = staff.slice(0, Math.max(1, Math.floor(userCount / 20)));
  model.addToGroup(GROUP_IDS.jiraAdmins, [admin.accountId]);
  model.addToGroup(GROUP_IDS.serviceDeskUsers, [admin.accountId, sa.accountId, ...agents]);
  model.addToGroup(GROUP_IDS.allEmployees, staff);
  model.addToGroup(GROUP_IDS.itAgents, agents);

  model.addIssueType({ id: '10003', name: 'IT Help' });
  model.addIssueType({ id: '10005', name: 'Incident' });
  model.addIssueType({ id: '10007', name: 'HR Inquiry' });
  model.addIssueType({ id: '10008', name: 'Onboarding' });
  for (const status of demoStatuses(false)) model.addStatus(status);
  for (const screen of demoScreens(true)) model.addScreen(screen);
  for (const workflow of demoWorkflows(true)) model.addWorkflow(workflow);
  model.addWorkflowScheme({
    id: 10100,
    name: 'IT: Service Management Workflow Scheme',
    description: '',
    defaultWorkflow: WORKFLOW_NAMES.itsdServiceRequest,
    issueTypeMappings: { '10003': WORKFLOW_NAMES.itsdServiceRequest, '10005': WORKFLOW_NAMES.itsdIncident },
  });
  model.addWorkflowScheme({
    id: 10101,
    name: 'HR: Service Management Workflow Scheme',
    description: '',
    defaultWorkflow: WORKFLOW_NAMES.hrServiceRequest,
    issueTypeMappings: { '10007': WORKFLOW_NAMES.hrServiceRequest, '10008': WORKFLOW_NAMES.hrOnboarding },
  });

  // Two customer lists in all: everyone, and everyone but 1% (every 100th user).
  let fullFrom: string | undefined;
  let gappyFrom: string | undefined;
  for (let n = 1; n <= deskCount; n++) {
    const hrLike = n % 4 === 0;
    const team = n % 10 === 0 ? [{ type: 'group' as const, groupId: GROUP_IDS.itAgents }] : [{ type: 'group' as const, groupId: GROUP_IDS.itAgents }, { type: 'user' as const, accountId: sa.accountId }];
    const project = model.addProject({
      id: String(20000 + n),
      key: `SD${n}`,
      name: `${hrLike ? 'People' : 'IT'} Service Desk ${n}`,
      style: 'classic',
      projectTypeKey: 'service_desk',
      serviceDeskId: String(LARGE_FIRST_DESK_ID + n - 1),
      leadAccountId: admin.accountId,
      roles: serviceDeskRoles(model, [{ type: 'group', groupId: GROUP_IDS.jiraAdmins }], team),
      issueTypeIds: hrLike ? ['10007', '10008'] : ['10003', '10005'],
      workflowSchemeId: hrLike ? 10101 : 10100,
      requestTypes: hrLike
        ? [
            { id: String(n * 10 + 1), name: 'Ask a question', description: '', issueTypeId: '10007' },
            { id: String(n * 10 + 2), name: 'Onboard someone', description: '', issueTypeId: '10008' },
          ]
        : [
            { id: String(n * 10 + 1), name: 'Get help', description: '', issueTypeId: '10003' },
            { id: String(n * 10 + 2), name: 'Report an outage', description: '', issueTypeId: '10005' },
          ],
    });
    if (n % 7 === 0) {
      if (gappyFrom === undefined) {
        model.addCustomers(project.id, staff.filter((_, i) => i % 100 !== 0));
        gappyFrom = project.id;
      } else model.shareCustomers(project.id, gappyFrom);
    } else if (fullFrom === undefined) {
      model.addCustomers(project.id, staff);
      fullFrom = project.id;
    } else {
      model.shareCustomers(project.id, fullFrom);
    }
  }

  model.setApiToken(admin.accountId, admin.token);
  model.setApiToken(sa.accountId, sa.token);
  return model;
}
