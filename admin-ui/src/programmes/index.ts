import SchemaIcon from '@mui/icons-material/Schema';
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';
import type { ProgrammeRecord } from '../types';
import { ProgrammeList } from './ProgrammeList';
import { ProgrammeShow } from './ProgrammeShow';

// The editor (Create / Edit) loads in its own chunk when it is opened, keeping the main bundle small.
const lazyPage = (load: () => Promise<ComponentType>) => {
  const Page = lazy(async () => ({ default: await load() }));
  return () => createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page));
};

export const ProgrammeCreate = lazyPage(() => import('./ProgrammeEditor').then((m) => m.ProgrammeCreate));
export const ProgrammeEdit = lazyPage(() => import('./ProgrammeEditor').then((m) => m.ProgrammeEdit));

export default {
  list: ProgrammeList,
  show: ProgrammeShow,
  create: ProgrammeCreate,
  edit: ProgrammeEdit,
  icon: SchemaIcon,
  recordRepresentation: (programme: ProgrammeRecord) => programme.name,
};
