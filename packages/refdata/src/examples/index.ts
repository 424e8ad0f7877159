import type { ExampleDefinition, ExampleName } from '../types.js';
import { antsentry } from './antsentry.js';
import { cameraApp } from './camera-app.js';
import { spacemitSite } from './spacemit-site.js';

/** The definition of each example deployment. */
export const exampleDefinitions: Readonly<Record<ExampleName, ExampleDefinition>> = {
  antsentry,
  'camera-app': cameraApp,
  'spacemit-site': spacemitSite,
};
