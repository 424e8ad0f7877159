import type { ConsolePageContext } from '../src/index.js';

/** A privacy officer whose name would break markup if it were not escaped. */
export const officer: ConsolePageContext = {
  user: { id: 'u1', email: 'po@example.test', name: 'Pat <Officer>', role: 'privacy-officer' },
  csrfToken: 'csrf-"token"',
};

/** An engineer: reads policies, may not publish them. */
export const engineer: ConsolePageContext = {
  user: { id: 'u2', email: 'eng@example.test', name: 'Eng', role: 'engineer' },
  csrfToken: 'csrf-eng',
};
