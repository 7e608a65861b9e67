/**
 * "My music": the learner's own files as drill material, headless (no Swing, no SQL). {@link
 * org.controlroom.lesson.music.MyMusic} checks what the learner added (files or folders), {@link
 * org.controlroom.lesson.music.ExcerptPicker} picks a seeded, loudness-normalised excerpt, and {@link
 * org.controlroom.lesson.music.MyMusicDrill} starts a drill on it.
 */
package org.controlroom.lesson.music;
