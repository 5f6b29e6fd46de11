import type { ComponentType } from 'react';
import type { ProgrammeKind, ProgrammeView, SettingsInputOf } from '../../types';

/** The launch form's `settings` as typed: the kind's settings' shape, with what the inputs hold (blank, null). */
export type FormSettings = Record<string, unknown>;

export interface SettingsProps<K extends ProgrammeKind> {
  programme: ProgrammeView<K>;
}

/** What the launch form needs to know about one kind's settings (domain/programmes/kinds/<kind>.ts). */
export interface KindSettings<K extends ProgrammeKind> {
  /** The kind's inputs, under `settings.<field>` (the paths the API's errors name). */
  Inputs: ComponentType<SettingsProps<K>>;
  /** The form's values → the launch body's `settings`: this kind's own, nothing of another kind's. */
  toBody(values: FormSettings, programme: ProgrammeView<K>): SettingsInputOf<K>;
  /** Paths of the API's problems that an input holds; the rest show under their group and in the alert. */
  inputPaths: RegExp[];
}
