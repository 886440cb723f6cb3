import { messages } from "./types";

export const notifications = messages({
  en: {
    "meetingBooked.title": "Meeting booked with {prospect} ({company})",
    "meetingBooked.body": "{sdr} booked it on {campaign} for {when}.",
  },
  fr: {
    "meetingBooked.title": "Rendez-vous pris avec {prospect} ({company})",
    "meetingBooked.body": "{sdr} l’a pris sur {campaign} pour le {when}.",
  },
});
