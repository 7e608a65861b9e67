/**
 * The budget and schedule simulation: a calendar of bookings ({@link org.controlroom.lesson.budget.Calendar}),
 * the schedule it makes ({@link org.controlroom.lesson.budget.Schedule}), seeded events and their
 * responses ({@link org.controlroom.lesson.budget.Effects}), the score with its hard limits
 * ({@link org.controlroom.lesson.budget.Scorer}) and the best policy the engine can compute
 * ({@link org.controlroom.lesson.budget.BestPolicy}). Pure logic: no Swing, no store.
 */
package org.controlroom.lesson.budget;
