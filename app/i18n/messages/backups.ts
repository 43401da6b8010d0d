import { defineMessages } from "../define.ts";

// Admin backups page (issue 10: scale, speed and staying up).
export const backups = defineMessages({
  bg: {
    "nav.adminBackups": "Резервни копия",
    "backups.title": "Резервни копия на базата данни",
    "backups.intro": "Копието се прави, докато приложението работи, и е цялостно. Пазят се последните {keep}. Възстановяване: спрете сървъра и изпълнете npm run restore -- ФАЙЛ.",
    "backups.create": "Направи резервно копие сега",
    "backups.created": "Резервното копие е готово.",
    "backups.file": "Файл",
    "backups.size": "Размер",
    "backups.createdAt": "Създадено",
    "backups.download": "Изтегли",
    "backups.none": "Още няма резервни копия.",
    "backups.sizeMb": "{size} MB",
    "audit.action.backup_create": "резервно копие",
    "audit.action.backup_download": "изтегляне на резервно копие",
  },
  en: {
    "nav.adminBackups": "Backups",
    "backups.title": "Database backups",
    "backups.intro": "A backup is taken while the app runs and is consistent. The last {keep} are kept. To restore: stop the server and run npm run restore -- FILE.",
    "backups.create": "Back up now",
    "backups.created": "The backup is ready.",
    "backups.file": "File",
    "backups.size": "Size",
    "backups.createdAt": "Created",
    "backups.download": "Download",
    "backups.none": "No backups yet.",
    "backups.sizeMb": "{size} MB",
    "audit.action.backup_create": "backup",
    "audit.action.backup_download": "backup download",
  },
});
