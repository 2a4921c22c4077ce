/** What the server says about its catalog before a device decides to download it. */
import { z } from 'zod';

export const catalogVersionInfoSchema = z.object({
  version: z.number().int().nonnegative(),
  source: z.string(),
  count: z.number().int().nonnegative(),
  generatedAt: z.string(),
});
export type CatalogVersionInfo = z.infer<typeof catalogVersionInfoSchema>;
