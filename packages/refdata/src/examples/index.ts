import type { ExampleDefinition, ExampleName } from '../types';
import { antsentry } from './antsentry';
import { cameraApp } from './camera-app';
import { spacemitSite } from './spacemit-site';

/** The definition of each example deployment. */
export const exampleDefinitions: Readonly<Record<ExampleName, ExampleDefinition>> = {
  antsentry,
  'camera-app': cameraApp,
  'spacemit-site': spacemitSite,
};
