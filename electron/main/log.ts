/** The main-process log: electron-log to a rotating file in the app's logs folder (glue only). */
import log from 'electron-log/main';
import { dirname } from 'node:path';
import { LOG_MAX_BYTES, rotateLogFile } from './logFiles.ts';

export function setUpLog() {
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (file) => {
    try {
      rotateLogFile(file.path);
    } catch {
      file.clear();
    }
  };
  log.transports.console.level = 'warn';
  log.errorHandler.stopCatching();
  return {
    log,
    logDir: () => dirname(log.transports.file.getFile().path),
  };
}
