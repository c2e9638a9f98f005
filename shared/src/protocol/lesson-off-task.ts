import { z } from 'zod';
import { OffTaskCategorySchema } from '../policy/categories';

/**
 * The categories a teacher marks off task for the class's lesson (`PUT /api/classes/:id/off-task`):
 * a pupil whose active tab is in one is off task. Held by the server until the lesson ends.
 */
export const SetOffTaskBodySchema = z.object({
  categories: z
    .array(OffTaskCategorySchema)
    .max(20)
    .transform((list) => [...new Set(list)]),
});
export type SetOffTaskBody = z.infer<typeof SetOffTaskBodySchema>;

/** The lesson's off-task categories now; `until` null when none are marked. */
export const LessonOffTaskSchema = z.object({
  categories: z.array(OffTaskCategorySchema),
  until: z.iso.datetime({ offset: true }).nullable(),
});
export type LessonOffTask = z.infer<typeof LessonOffTaskSchema>;
