/** A decision notice's text as sent, with a link to its printable PDF when the user may print it. */
export function DecisionNotice({
  heading,
  text,
  pdfUrl,
  testId,
}: {
  heading: string;
  text: string;
  pdfUrl: string | null;
  testId: string;
}) {
  return (
    <>
      <h3>
        {heading}{' '}
        {pdfUrl && (
          <a href={pdfUrl} target="_blank" rel="noreferrer" data-testid={`${testId}-pdf`}>
            PDFで表示・印刷
          </a>
        )}
      </h3>
      <pre className="notice-text" data-testid={testId}>
        {text}
      </pre>
    </>
  );
}
