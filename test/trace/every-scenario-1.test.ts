import { describe } from 'vitest';
import { everyScenario } from './every-scenario.js';

describe('traces of the bundled scenarios, first quarter', () => everyScenario(0));
