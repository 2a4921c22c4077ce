/** What a network probe accepts as the health answer: anything that parses. Loaded when a probe is asked for, with zod. */
import { z } from 'zod';

export const probeAnswer = z.unknown();
