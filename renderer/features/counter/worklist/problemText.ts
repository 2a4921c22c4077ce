/** A refused change in the staff's words: the rule's own message, or what went wrong with storage. */
import type { TFunction } from 'i18next';
import type { FileChangeProblem } from '../../../data/fileChanges.ts';
import type { StatusChangeProblem } from '../../../data/fileStatus.ts';

export function problemText(t: TFunction, problem: StatusChangeProblem | FileChangeProblem): string {
  switch (problem.kind) {
    case 'transition':
    case 'change':
      return t(problem.error.reason);
    case 'storage':
      return t(`counter.errors.storage.${problem.error.kind}`);
  }
}
