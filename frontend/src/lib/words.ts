/**
 * A process's description as users read it. The BPMN documentation names the controls it implements (R26, R21) and
 * other processes by their code (ReliefPaymentRun) for the developers who trace them; users see neither.
 */
export function forUsers(text: string): string {
  return text
    .replace(/R\d{2}(?:\s*[,、]\s*R\d{2})*\s*[:：]\s*/g, '')
    .replace(/[、,]\s*R\d{2}(?=[^（）]*）)/g, '')
    .replace(/（\s*R\d{2}(?:\s*[,、]\s*R\d{2})*\s*）/g, '')
    .replace(/（[A-Z][A-Za-z]+）/g, '')
    .trim();
}
