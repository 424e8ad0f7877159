/**
 * Loads a datastore driver on first connect. The drivers are optional peer dependencies: an
 * app installs the ones its datasets use, so installing Pledge compiles nothing (better-sqlite3
 * builds native code).
 */
export async function loadDriver<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND')
      throw new Error(`the ${name} driver is not installed (npm install ${name})`);
    throw error;
  }
}
