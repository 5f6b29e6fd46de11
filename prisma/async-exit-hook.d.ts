// The two calls prisma/embedded.ts makes on async-exit-hook (it ships no types).
declare module 'async-exit-hook' {
  const hook: { hookedEvents(): string[]; unhookEvent(event: string): void };
  export default hook;
}
