import { describe } from 'vitest';
import { everyScenario } from './every-scenario.js';

describe('traces of the bundled scenarios, fourth quarter', () => everyScenario(3));
