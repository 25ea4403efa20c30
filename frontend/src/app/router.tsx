import type { RouteObject } from 'react-router-dom';
import { page } from './lazyPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { canAdminister, canApprove, canAudit, canDoCaseWork, canSeeKpis } from '../lib/auth/roles';
import { HomePage } from './HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';

// Each page is its own chunk, fetched on first visit: the sign-in page does not wait for the KPI charts or the
// diagram viewer.
const PasswordPage = page(() => import('../features/auth/pages/PasswordPage'), 'PasswordPage');
const AccountsPage = page(() => import('../features/admin/pages/AccountsPage'), 'AccountsPage');
const DepartmentsPage = page(() => import('../features/admin/pages/DepartmentsPage'), 'DepartmentsPage');
const IncidentsPage = page(() => import('../features/admin/pages/IncidentsPage'), 'IncidentsPage');
const NonDisclosurePage = page(() => import('../features/admin/pages/NonDisclosurePage'), 'NonDisclosurePage');
const OutreachPage = page(() => import('../features/outreach/pages/OutreachPage'), 'OutreachPage');
const ApprovalsPage = page(() => import('../features/approvals/pages/ApprovalsPage'), 'ApprovalsPage');
const KpiDashboardPage = page(() => import('../features/kpi/pages/KpiDashboardPage'), 'KpiDashboardPage');
const KpiQueuePage = page(() => import('../features/kpi/pages/KpiQueuePage'), 'KpiQueuePage');
const AuditPage = page(() => import('../features/audit/pages/AuditPage'), 'AuditPage');
const CoPayExemptionDetailPage = page(
  () => import('../features/copay-exemptions/pages/CoPayExemptionDetailPage'),
  'CoPayExemptionDetailPage',
);
const CoPayExemptionsPage = page(
  () => import('../features/copay-exemptions/pages/CoPayExemptionsPage'),
  'CoPayExemptionsPage',
);
const BatchDetailPage = page(() => import('../features/doses/pages/BatchDetailPage'), 'BatchDetailPage');
const BatchUploadPage = page(() => import('../features/doses/pages/BatchUploadPage'), 'BatchUploadPage');
const DoseCorrectionPage = page(() => import('../features/doses/pages/DoseCorrectionPage'), 'DoseCorrectionPage');
const DoseEntryPage = page(() => import('../features/doses/pages/DoseEntryPage'), 'DoseEntryPage');
const CataloguePage = page(() => import('../features/processes/pages/CataloguePage'), 'CataloguePage');
const QueriesPage = page(() => import('../features/queries/pages/QueriesPage'), 'QueriesPage');
const QueryCasePage = page(() => import('../features/queries/pages/QueryCasePage'), 'QueryCasePage');
const InquiriesPage = page(() => import('../features/inquiries/pages/InquiriesPage'), 'InquiriesPage');
const MistakesPage = page(() => import('../features/mistakes/pages/MistakesPage'), 'MistakesPage');
const MistakeReportPage = page(() => import('../features/mistakes/pages/MistakeReportPage'), 'MistakeReportPage');
const MoverQueriesPage = page(() => import('../features/vrs/pages/MoverQueriesPage'), 'MoverQueriesPage');
const CertificatesPage = page(() => import('../features/vrs/pages/CertificatesPage'), 'CertificatesPage');
const IllnessExceptionsPage = page(
  () => import('../features/illness/pages/IllnessExceptionsPage'),
  'IllnessExceptionsPage',
);
const IllnessExceptionPage = page(
  () => import('../features/illness/pages/IllnessExceptionPage'),
  'IllnessExceptionPage',
);
const OutsideProvisionsPage = page(
  () => import('../features/outside-provisions/pages/OutsideProvisionsPage'),
  'OutsideProvisionsPage',
);
const OutsideProvisionPage = page(
  () => import('../features/outside-provisions/pages/OutsideProvisionPage'),
  'OutsideProvisionPage',
);
const DoseExportPage = page(() => import('../features/dose-export/pages/DoseExportPage'), 'DoseExportPage');
const ResidentRequestPage = page(
  () => import('../features/resident-requests/pages/ResidentRequestPage'),
  'ResidentRequestPage',
);
const ResidentRequestsPage = page(
  () => import('../features/resident-requests/pages/ResidentRequestsPage'),
  'ResidentRequestsPage',
);
const RetentionPage = page<{ area: 'audit' | 'admin' }>(
  () => import('../features/retention/pages/RetentionPage'),
  'RetentionPage',
);
const ReliefClaimPage = page(() => import('../features/relief/pages/ReliefClaimPage'), 'ReliefClaimPage');
const ReliefClaimsPage = page(() => import('../features/relief/pages/ReliefClaimsPage'), 'ReliefClaimsPage');
const ResidentDetailPage = page(() => import('../features/residents/pages/ResidentDetailPage'), 'ResidentDetailPage');
const ResidentSearchPage = page(() => import('../features/residents/pages/ResidentSearchPage'), 'ResidentSearchPage');
const FeedFilesPage = page(() => import('../features/resident-feed/pages/FeedFilesPage'), 'FeedFilesPage');
const FeedFilePage = page(() => import('../features/resident-feed/pages/FeedFilePage'), 'FeedFilePage');
const MoveInQueriesPage = page(
  () => import('../features/move-in-queries/pages/MoveInQueriesPage'),
  'MoveInQueriesPage',
);
const SimulatorsPage = page(() => import('../features/simulators/pages/SimulatorsPage'), 'SimulatorsPage');
const InboxPage = page(() => import('../features/tasks/pages/InboxPage'), 'InboxPage');
const TaskPage = page(() => import('../features/tasks/pages/TaskPage'), 'TaskPage');
const AbsencesPage = page(() => import('../features/tasks/pages/AbsencesPage'), 'AbsencesPage');
const NoticesPage = page(() => import('../features/notices/pages/NoticesPage'), 'NoticesPage');

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
        path: 'tasks/absences',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <AbsencesPage />
          </RequireRole>
        ),
      },
      {
        path: 'notices',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <NoticesPage />
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
        path: 'queries/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <QueryCasePage />
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
        path: 'vrs',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <MoverQueriesPage />
          </RequireRole>
        ),
      },
      {
        path: 'vrs/certificates',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <CertificatesPage />
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
        path: 'outside-provisions',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <OutsideProvisionsPage />
          </RequireRole>
        ),
      },
      {
        path: 'outside-provisions/:id',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <OutsideProvisionPage />
          </RequireRole>
        ),
      },
      {
        path: 'doses/export',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <DoseExportPage />
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
        path: 'residents/feed',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <FeedFilesPage />
          </RequireRole>
        ),
      },
      {
        path: 'move-in-queries',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <MoveInQueriesPage />
          </RequireRole>
        ),
      },
      {
        path: 'residents/feed/:feedId',
        element: (
          <RequireRole allowed={canDoCaseWork}>
            <FeedFilePage />
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
