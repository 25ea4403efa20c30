import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { FactList } from '../../../components/Fact';
import { ErrorMessage, Loading } from '../../../components/Message';
import { ageOn, formatWarekiDate } from '../../../lib/date';
import { SEX_LABELS, SOURCE_LABELS, STATUS_LABELS, type ResidentDetail, residentCaseQuery, searchOf } from '../api';
import { DoseTimeline } from '../../../components/DoseTimeline';
import { EligibilityTable } from '../../../components/EligibilityTable';
import { BClassQualifications } from '../components/BClassQualifications';
import { HouseholdTable } from '../components/HouseholdTable';
import { MyNumberValue } from '../components/MyNumberValue';
import { OpenTaskTable } from '../components/OpenTaskTable';
import { RelatedCases } from '../components/RelatedCases';
import { StartCaseLinks } from '../components/StartCaseLinks';

function basicRows(r: ResidentDetail): [string, ReactNode][] {
  const age = ageOn(r.birthDate);
  return [
    ['宛名番号', r.addresseeNumber],
    ['氏名', r.nameKanji],
    ['氏名（カナ）', r.nameKana],
    ['生年月日', `${formatWarekiDate(r.birthDate)}${age === null ? '' : `（${age}歳）`}`],
    ['性別', SEX_LABELS[r.sex] ?? r.sex],
    ['住所', r.address],
    ['住民区分', STATUS_LABELS[r.status] ?? r.status],
    ['個人番号', <MyNumberValue residentId={r.id} masked={r.myNumberMasked} />],
    ['電話番号', r.phone ?? '—'],
    ['世帯番号', r.householdNumber ?? '—'],
    ['続柄', r.relationship ?? '—'],
    ['世帯主', r.householdHeadName ?? '—'],
    ['情報源', r.source ? (SOURCE_LABELS[r.source] ?? r.source) : '—'],
  ];
}

/** The resident's case page: one call to /case brings every section, so the view is audited once. */
export function ResidentDetailPage() {
  const { residentId = '' } = useParams();
  const location = useLocation();
  const residentCase = useQuery(residentCaseQuery(residentId));

  const search = searchOf(location.state);
  const back = (
    <p className="back-link">
      <Link to="/residents" state={search ? { search } : null}>
        ← 検索結果へ戻る
      </Link>
    </p>
  );

  if (residentCase.isPending) {
    return <Loading />;
  }
  if (residentCase.error || !residentCase.data) {
    return (
      <section>
        {back}
        <ErrorMessage>{residentCase.error?.message}</ErrorMessage>
      </section>
    );
  }
  const { resident, household, doses, eligibility, openTasks, copayExemptions, reliefClaims, bClassQualifications } =
    residentCase.data;
  const age = ageOn(resident.birthDate);
  return (
    <section>
      {back}
      <h1>住民詳細</h1>
      <section className="case-section">
        <h2>基本情報</h2>
        <FactList rows={basicRows(resident)} testId="resident-detail" />
        <p>
          <Link
            to="/processes?start=ResidentIdentityCorrection"
            state={{ values: { addresseeNumber: resident.addresseeNumber } }}
            data-testid="start-identity-correction"
          >
            職権修正（氏名・生年月日・住所・個人番号の訂正）を始める
          </Link>
        </p>
      </section>
      <EligibilityTable eligibility={eligibility} />
      {((age !== null && age >= 60 && age < 65) || (bClassQualifications ?? []).length > 0) && (
        <BClassQualifications residentId={residentId} qualifications={bClassQualifications ?? []} />
      )}
      <DoseTimeline doses={doses} />
      <HouseholdTable members={household} />
      <OpenTaskTable tasks={openTasks} />
      <RelatedCases copayExemptions={copayExemptions ?? []} reliefClaims={reliefClaims ?? []} />
      <StartCaseLinks addresseeNumber={resident.addresseeNumber} />
    </section>
  );
}
