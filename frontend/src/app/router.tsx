import type { RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { PasswordPage } from '../features/auth/pages/PasswordPage';
import { AccountsPage } from '../features/admin/pages/AccountsPage';
import { DepartmentsPage } from '../features/admin/pages/DepartmentsPage';
import { IncidentsPage } from '../features/admin/pages/IncidentsPage';
import { NonDisclosurePage } from '../features/admin/pages/NonDisclosurePage';
import { OutreachPage } from '../features/outreach/pages/OutreachPage';
import { ApprovalsPage } from '../features/approvals/pages/ApprovalsPage';
import { canAdminister, canApprove, canAudit, canDoCaseWork, canSeeKpis } from '../lib/auth/roles';
import { KpiDashboardPage } from '../features/kpi/pages/KpiDashboardPage';
import { KpiQueuePage } from '../features/kpi/pages/KpiQueuePage';
import { AuditPage } from '../features/audit/pages/AuditPage';
import { CoPayExemptionDetailPage } from '../features/copay-exemptions/pages/CoPayExemptionDetailPage';
import { CoPayExemptionsPage } from '../features/copay-exemptions/pages/CoPayExemptionsPage';
import { BatchDetailPage } from '../features/doses/pages/BatchDetailPage';
import { BatchUploadPage } from '../features/doses/pages/BatchUploadPage';
import { DoseCorrectionPage } from '../features/doses/pages/DoseCorrectionPage';
import { DoseEntryPage } from '../features/doses/pages/DoseEntryPage';
import { CataloguePage } from '../features/processes/pages/CataloguePage';
import { QueriesPage } from '../features/queries/pages/QueriesPage';
import { InquiriesPage } from '../features/inquiries/pages/InquiriesPage';
import { MistakeReportPage } from '../features/mistakes/pages/MistakeReportPage';
import { MistakesPage } from '../features/mistakes/pages/MistakesPage';
import { IllnessExceptionPage } from '../features/illness/pages/IllnessExceptionPage';
import { IllnessExceptionsPage } from '../features/illness/pages/IllnessExceptionsPage';
import { ResidentRequestPage } from '../features/resident-requests/pages/ResidentRequestPage';
import { ResidentRequestsPage } from '../features/resident-requests/pages/ResidentRequestsPage';
import { RetentionPage } from '../features/retention/pages/RetentionPage';
import { ReliefClaimPage } from '../features/relief/pages/ReliefClaimPage';
import { ReliefClaimsPage } from '../features/relief/pages/ReliefClaimsPage';
import { ResidentDetailPage } from '../features/residents/pages/ResidentDetailPage';
import { ResidentSearchPage } from '../features/residents/pages/ResidentSearchPage';
import { SimulatorsPage } from '../features/simulators/pages/SimulatorsPage';
import { InboxPage } from '../features/tasks/pages/InboxPage';
import { TaskPage } from '../features/tasks/pages/TaskPage';
import { HomePage } from './HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'password', element: <PasswordPage /> },
      {
        path: 'approvals',
        element: (
          <RequireRole allowed={canApprove}>
            <ApprovalsPage />
          </RequireRole>
        ),
      },
      {
        path: 'tasks',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <InboxPage />
          </RequireRole>
        ),
      },
      {
        path: 'tasks/:taskId',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <TaskPage />
          </RequireRole>
        ),
      },
      {
        path: 'mistakes',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <MistakesPage />
          </RequireRole>
        ),
      },
      {
        path: 'mistakes/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <MistakeReportPage />
          </RequireRole>
        ),
      },
      {
        path: 'processes',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <CataloguePage />
          </RequireRole>
        ),
      },
      {
        path: 'queries',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <QueriesPage />
          </RequireRole>
        ),
      },
      {
        path: 'copay-exemptions',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <CoPayExemptionsPage />
          </RequireRole>
        ),
      },
      {
        path: 'copay-exemptions/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <CoPayExemptionDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'relief',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <ReliefClaimsPage />
          </RequireRole>
        ),
      },
      {
        path: 'relief/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <ReliefClaimPage />
          </RequireRole>
        ),
      },
      {
        path: 'resident-requests',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <ResidentRequestsPage />
          </RequireRole>
        ),
      },
      {
        path: 'resident-requests/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <ResidentRequestPage />
          </RequireRole>
        ),
      },
      {
        path: 'long-term-illness',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <IllnessExceptionsPage />
          </RequireRole>
        ),
      },
      {
        path: 'long-term-illness/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <IllnessExceptionPage />
          </RequireRole>
        ),
      },
      {
        path: 'inquiries',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <InquiriesPage />
          </RequireRole>
        ),
      },
      {
        path: 'residents',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <ResidentSearchPage />
          </RequireRole>
        ),
      },
      {
        path: 'residents/:residentId',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <ResidentDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'outreach',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <OutreachPage />
          </RequireRole>
        ),
      },
      {
        path: 'doses/new',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <DoseEntryPage />
          </RequireRole>
        ),
      },
      {
        path: 'doses/:doseId/correct',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <DoseCorrectionPage />
          </RequireRole>
        ),
      },
      {
        path: 'dose-batches',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <BatchUploadPage />
          </RequireRole>
        ),
      },
      {
        path: 'dose-batches/:batchId',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <BatchDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'kpi',
        element: (
          <RequireRole allowed={canSeeKpis}>
            <KpiDashboardPage />
          </RequireRole>
        ),
      },
      {
        path: 'kpi/queue',
        element: (
          <RequireRole allowed={canSeeKpis}>
            <KpiQueuePage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole allowed={canAudit}>
            <AuditPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit/retention',
        element: (
          <RequireRole allowed={canAudit}>
            <RetentionPage area="audit" />
          </RequireRole>
        ),
      },
      {
        path: 'admin/retention',
        element: (
          <RequireRole allowed={canAdminister}>
            <RetentionPage area="admin" />
          </RequireRole>
        ),
      },
      {
        path: 'admin/incidents',
        element: (
          <RequireRole allowed={canAdminister}>
            <IncidentsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/accounts',
        element: (
          <RequireRole allowed={canAdminister}>
            <AccountsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/departments',
        element: (
          <RequireRole allowed={canAdminister}>
            <DepartmentsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/non-disclosure',
        element: (
          <RequireRole allowed={canAdminister}>
            <NonDisclosurePage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/simulators',
        element: (
          <RequireRole allowed={canAdminister}>
            <SimulatorsPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
