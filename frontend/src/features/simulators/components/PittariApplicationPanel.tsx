import { useState, type FormEvent } from 'react';
import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { ErrorMessage, Notice } from '../../../components/Message';
import { labelledOptions, SelectField } from '../../../components/SelectField';
import { useAction } from '../../../lib/useAction';
import { CO_PAY_VACCINE_LABELS, submitPittariApplication, type CoPayVaccine } from '../api';

/**
 * Plays a resident filing a co-pay exemption application on ぴったりサービス; the application reaches the office
 * a few seconds later, as the download of e-applications would bring it.
 */
export function PittariApplicationPanel() {
  const [addresseeNumber, setAddresseeNumber] = useState('');
  const [vaccine, setVaccine] = useState<CoPayVaccine>('INFLUENZA_ELDERLY');
  const { run, result, error, fields: fieldErrors, busy } = useAction<{ applicationNumber: string }>();
  const submitted = result?.applicationNumber;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => submitPittariApplication(addresseeNumber.trim(), vaccine));
  }

  return (
    <section className="simulator-panel" aria-labelledby="pittari-title">
      <h2 id="pittari-title">ぴったりサービスから免除申請を届ける</h2>
      <p>
        住民がマイナポータル（ぴったりサービス）で自己負担金の免除を申請した状態を作ります。庁内連携の照合結果は宛名番号の末尾で決まります：
        0 生活保護受給中、1・2 住民税非課税世帯、3 課税記録なし（当年度の転入）、4 生活保護の状況不明、5〜9 課税世帯。
      </p>
      {submitted && (
        <Notice testId="pittari-result">
          申請番号 {submitted} の申請を送信しました。まもなく「申請者の特定」のタスクになります
        </Notice>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)}>
        <AddresseeNumberField
          id="pittari"
          value={addresseeNumber}
          error={fieldErrors.addresseeNumber}
          onChange={setAddresseeNumber}
        />
        <SelectField
          id="pittari-vaccine"
          label="予防接種"
          value={vaccine}
          placeholder={null}
          options={labelledOptions(CO_PAY_VACCINE_LABELS)}
          error={fieldErrors.vaccine}
          onChange={(value) => setVaccine(value as CoPayVaccine)}
        />
        <button type="submit" className="primary" data-testid="pittari-button" disabled={busy}>
          申請を送信する
        </button>
      </form>
    </section>
  );
}
