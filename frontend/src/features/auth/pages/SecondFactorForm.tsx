import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../components/Message';
import { TextField } from '../../../components/TextField';
import { ApiError } from '../../../lib/api';
import { useAction } from '../../../lib/useAction';
import { enrolmentQuery, submitCode, type Enrolment, type Me, type SecondFactorChallenge } from '../api';
import { useAuth } from '../../../lib/auth/AuthProvider';

/** The Base32 secret in groups of four, as people type it into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function EnrolmentGuide({ enrolment }: { enrolment: Enrolment }) {
  return (
    <div className="totp-enrolment" data-testid="totp-enrolment">
      <p>次のQRコードを認証アプリで読み取ってください。</p>
      <p className="hint">
        認証アプリは、Google Authenticator や Microsoft Authenticator
        など、時間ベースの確認コード（TOTP）に対応したスマートフォンのアプリです。
      </p>
      <img className="totp-qr" src={enrolment.qrCode} alt="認証アプリ登録用のQRコード" data-testid="totp-qr" />
      <p>読み取れない場合は、認証アプリに次のキーを手入力してください（時間ベース、6桁）。</p>
      <dl className="totp-secret">
        <dt>アカウント</dt>
        <dd>
          {enrolment.issuer}（{enrolment.account}）
        </dd>
        <dt>キー</dt>
        <dd>
          <code data-testid="totp-secret">{groupSecret(enrolment.secret)}</code>
        </dd>
      </dl>
      <p>登録が済んだら、認証アプリに表示される6桁の確認コードを入力してください。</p>
    </div>
  );
}

/**
 * The second step of login (R07): the code of the user's authenticator app. An account without one enrols first,
 * from a QR code or the secret in text; the first valid code completes both the enrolment and the login.
 */
export function SecondFactorForm({
  challenge,
  onSignedIn,
}: {
  challenge: SecondFactorChallenge;
  onSignedIn: (me: Me) => void;
}) {
  const { loginRefused, signOut } = useAuth();
  const enrolment = useQuery(enrolmentQuery(challenge));
  const [code, setCode] = useState('');
  const action = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const signedIn = await action.run(async () => {
      try {
        onSignedIn(await submitCode(code));
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 401) {
          // Locked or disabled meanwhile, or the session ended: the login starts again from the password.
          loginRefused(failure.message);
        }
        throw failure;
      }
    });
    if (!signedIn) {
      setCode('');
    }
  }

  return (
    <>
      <h2>{challenge.enrolled ? '確認コードの入力' : '認証アプリの登録'}</h2>
      <p className="hint">ユーザーID {challenge.username}</p>
      {enrolment.isPending && <Loading />}
      {enrolment.error && <ErrorMessage>{enrolment.error.message}</ErrorMessage>}
      {enrolment.data && <EnrolmentGuide enrolment={enrolment.data} />}
      {challenge.enrolled && <p>認証アプリに表示されている6桁の確認コードを入力してください。</p>}
      {action.error && <ErrorMessage testId="totp-error">{action.error}</ErrorMessage>}
      <form onSubmit={handleSubmit} className="login-form" noValidate>
        <TextField
          id="totp-code"
          label="確認コード"
          value={code}
          error={action.fields.code}
          onChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
        />
        <button
          type="submit"
          className="primary"
          data-testid="totp-submit"
          disabled={action.busy || code.trim() === ''}
        >
          {challenge.enrolled ? 'ログイン' : '登録してログイン'}
        </button>
        <button type="button" onClick={() => void signOut()}>
          最初からやり直す
        </button>
      </form>
    </>
  );
}
