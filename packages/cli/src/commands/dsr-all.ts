import type { RegisterCommand } from '../context';
import { registerDsrAccess } from './dsr-access';
import { registerDsrErase } from './dsr-erase';
import { registerDsrPlan } from './dsr-plan';
import { registerDsrRectify } from './dsr-rectify';
import { registerDsrRestrict } from './dsr-restrict';
import { registerDsrWork } from './dsr-work';

/** Registers `pledge dsr plan|access|erase|rectify|restrict|work|status`. */
export const registerDsr: RegisterCommand = (program, io, finish) => {
  for (const register of [
    registerDsrPlan,
    registerDsrAccess,
    registerDsrErase,
    registerDsrRectify,
    registerDsrRestrict,
    registerDsrWork,
  ]) {
    register(program, io, finish);
  }
};
