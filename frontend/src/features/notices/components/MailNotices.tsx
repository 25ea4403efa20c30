import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../lib/useAction';
import { mailSubscriptionQuery, subscribeToMail, unsubscribeFromMail, type MailSubscription } from '../api';

/**
 * E-mail notices of new tasks, where the city sends them: the user gives their own address or stops them. The
 * message says only how many new tasks there are, with a link; nothing of a case or a resident.
 */
export function MailNotices() {
  const subscription = useQuery(mailSubscriptionQuery());
  if (!subscription.data?.available) {
    return null;
  }
  return <MailNoticesForm key={subscription.data.address ?? ''} subscription={subscription.data} />;
}

function MailNoticesForm({ subscription }: { subscription: MailSubscription }) {
  const [address, setAddress] = useState(subscription.address ?? '');
  const action = useAction();

  function save(event: FormEvent) {
    event.preventDefault();
    void action.run(() => subscribeToMail(address), 'メールでのお知らせを登録しました。');
  }

  return (
    <section className="case-section" aria-labelledby="mail-notices-title">
      <h2 id="mail-notices-title">メールでのお知らせ</h2>
      <p>
        新しいタスクがあると、件数とタスク一覧へのリンクだけをメールでお知らせします（業務の内容や住民の情報は含めません）。
      </p>
      {action.message && <Notice>{action.message}</Notice>}
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
      <form className="entry-form" onSubmit={save} noValidate>
        <TextField
          id="mail-notices-address"
          label="メールアドレス"
          type="email"
          autoComplete="email"
          value={address}
          error={action.fields.address}
          onChange={setAddress}
        />
        <button type="submit" className="primary" disabled={action.busy}>
          {subscription.address ? 'アドレスを変更' : 'メールで受け取る'}
        </button>
        {subscription.address && (
          <button
            type="button"
            disabled={action.busy}
            onClick={() => void action.run(unsubscribeFromMail, 'メールでのお知らせを停止しました。')}
          >
            メールでのお知らせを停止
          </button>
        )}
      </form>
    </section>
  );
}
