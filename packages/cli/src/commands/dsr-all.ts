import type { RegisterCommand } from '../context.js';
import { registerDsrAccess } from './dsr-access.js';
import { registerDsrConfirm } from './dsr-confirm.js';
import { registerDsrErase } from './dsr-erase.js';
import { registerDsrPlan } from './dsr-plan.js';
import { registerDsrRectify } from './dsr-rectify.js';
import { registerDsrRestrict } from './dsr-restrict.js';
import { registerDsrWork } from './dsr-work.js';

/** Registers `pledge dsr plan|access|erase|rectify|restrict|confirm|work|status`. */
export const registerDsr: RegisterCommand = (program, io, finish) => {
  for (const register of [
    registerDsrPlan,
    registerDsrAccess,
    registerDsrErase,
    registerDsrRectify,
    registerDsrRestrict,
    registerDsrConfirm,
    registerDsrWork,
  ]) {
    register(program, io, finish);
  }
};
