/** The comments of the generated Python code, in English or French (the course is in French). */
export type CodeLang = 'en' | 'fr';

const COMMENTS = {
  start: {
    en: 'the loop time when main() starts',
    fr: 'le temps de la boucle au démarrage de main()',
  },
  showTimer: {
    en: "Print the time since the start, the running task's name, then the message.",
    fr: 'Affiche le temps écoulé depuis le début, le nom de la tâche courante, puis le message.',
  },
  unbounded: { en: '0: unbounded', fr: '0 : sans limite' },
  takeToken: { en: 'take a token from the queue', fr: 'prendre un jeton dans la queue' },
  notSameDuration: { en: 'not everyone the same duration', fr: 'pas tout le monde la même durée' },
  giveBack: { en: 'give the token back', fr: 'libérer le jeton' },
  durations: {
    en: 'the duration of each job, in seconds',
    fr: 'la durée de chaque job, en secondes',
  },
  random: {
    en: 'durations drawn at random (seed {seed}), 1 to {max} s',
    fr: 'durées tirées au hasard (graine {seed}), de 1 à {max} s',
  },
  semaphore: {
    en: 'at most as many jobs as the semaphore allows run this block at once',
    fr: 'au plus autant de jobs que le sémaphore le permet exécutent ce bloc en même temps',
  },
  printer: { en: 'one printer: one worker at a time', fr: 'une imprimante : un worker à la fois' },
  thinks: { en: 'thinks', fr: 'réfléchit' },
  sameSignal: {
    en: 'every runner waits for the same signal',
    fr: 'tous les coureurs attendent le même signal',
  },
  wakesAll: {
    en: 'wakes them all, in the order they waited',
    fr: "les réveille tous, dans l'ordre où ils attendaient",
  },
  blocks: {
    en: 'blocks the whole loop: no other task or timer runs meanwhile',
    fr: 'bloque toute la boucle : aucune autre tâche ni minuterie ne tourne pendant ce temps',
  },
  interrupt: {
    en: "Ctrl-C, as the lecture's 'i' key: KeyboardInterrupt leaves the loop.",
    fr: "Ctrl-C, comme la touche 'i' du cours : KeyboardInterrupt sort de la boucle.",
  },
  interruptAt: {
    en: 'Ctrl-C at t={t} s, a microsecond after what is due then',
    fr: 'Ctrl-C à t={t} s, une microseconde après ce qui échoit alors',
  },
  letsOthersRun: {
    en: 'gives control back to the loop: the others run meanwhile',
    fr: 'rend la main à la boucle : les autres tournent pendant ce temps',
  },
  workOnIt: { en: 'work on it', fr: 'traiter l’élément' },
  forever: {
    en: 'the two coroutines are added to the loop; they never end (Ctrl-C stops them)',
    fr: 'on ajoute les coroutines dans la boucle ; elles ne finissent jamais (Ctrl-C les arrête)',
  },
  testServer: {
    en: 'A local test server in a thread, as the simulated one: it accepts one connection, then sends each text at its time (the latency, then `after` seconds), then EOF; what the client writes, it reads and ignores.',
    fr: "Un serveur de test local dans un thread, comme le serveur simulé : il accepte une connexion, puis envoie chaque texte à son heure (la latence, puis `after` secondes), puis EOF ; ce que le client écrit, il le lit et l'ignore.",
  },
  servers: {
    en: 'the simulated servers: (latency, [(after, text), ...], eof)',
    fr: 'les serveurs simulés : (latence, [(after, texte), ...], eof)',
  },
  childCode: {
    en: "The child's program, run by `python -c`: it prints each text at its time, then exits with its returncode.",
    fr: 'Le programme du processus enfant, lancé par `python -c` : il affiche chaque texte à son heure, puis sort avec son returncode.',
  },
  programs: {
    en: 'the simulated programs: ([(after, text), ...], exit, returncode)',
    fr: 'les programmes simulés : ([(after, texte), ...], sortie, returncode)',
  },
  procs: {
    en: 'process -> asyncio.subprocess.Process, once started',
    fr: 'processus -> asyncio.subprocess.Process, une fois lancé',
  },
  streams: {
    en: 'connection -> (reader, writer), once open_connection returned',
    fr: 'connexion -> (reader, writer), une fois open_connection revenue',
  },
  lastItem: {
    en: 'the last item taken from a queue',
    fr: 'le dernier élément pris dans une queue',
  },
  taskOrder: {
    en: 'the tasks start in this order, as by asyncio.ensure_future',
    fr: 'les tâches démarrent dans cet ordre, comme avec asyncio.ensure_future',
  },
  returnExceptions: {
    en: 'return_exceptions: a task that fails does not stop the others',
    fr: "return_exceptions : une tâche en échec n'arrête pas les autres",
  },
  cancelTable: {
    en: 'task name -> asyncio.Task, for cancel()',
    fr: 'nom de tâche -> asyncio.Task, pour cancel()',
  },
  taskTable: {
    en: 'task name -> asyncio.Task; spawn and gather steps add to it',
    fr: 'nom de tâche -> asyncio.Task ; les étapes spawn et gather y ajoutent',
  },
  waitSpawned: {
    en: 'until no spawn or gather step added a task meanwhile',
    fr: "jusqu'à ce qu'aucune étape spawn ou gather n'ait ajouté de tâche entre-temps",
  },
  // The module's docstring: French puts a space before a colon.
  docstring: {
    en: '{title}: asyncio code generated by the asyncio loop visualizer',
    fr: '{title} : code asyncio produit par le simulateur de boucle asyncio',
  },
  untitled: { en: 'A scenario', fr: 'Un scénario' },
} as const;

export type CommentKey = keyof typeof COMMENTS;

export function comment(
  lang: CodeLang,
  key: CommentKey,
  params: Record<string, string | number> = {},
): string {
  return COMMENTS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
