/**
 * The yes/no question `fix --apply` asks on a terminal when --yes is not given. The
 * question goes to standard error (standard output stays the document); only "y"
 * or "yes" confirms, so Enter alone, end of input or Ctrl-C leave Jira untouched.
 */
import * as readline from 'readline';

export function terminalConfirm(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): (question: string) => Promise<boolean> {
  return (question) =>
    new Promise((resolve) => {
      const rl = readline.createInterface({ input, output, terminal: true });
      let answered = false;
      rl.on('close', () => {
        if (!answered) resolve(false);
      });
      rl.question(question, (answer) => {
        answered = true;
        rl.close();
        resolve(isYes(answer));
      });
    });
}

export function isYes(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}
