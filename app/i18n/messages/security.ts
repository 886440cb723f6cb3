import { messages } from "./types";

export const security = messages({
  en: {
    "reset.tooMany": "Too many reset requests from your network. Wait a quarter of an hour and try again.",
    "invite.unavailable": "This address cannot be invited to this organisation right now. Your account manager can help.",
    "outbox.linksRemoved":
      "This is a security email: its sign-in link was removed here, so only the recipient can use it. Once delivered, the stored copy keeps no link either.",
  },
  fr: {
    "reset.tooMany": "Trop de demandes de réinitialisation depuis votre réseau. Patientez un quart d’heure et réessayez.",
    "invite.unavailable": "Cette adresse ne peut pas être invitée dans cette organisation pour le moment. Votre chargé de compte peut vous aider.",
    "outbox.linksRemoved":
      "Ceci est un e-mail de sécurité\u202F: son lien de connexion a été retiré ici, seul le destinataire peut l’utiliser. Une fois l’e-mail remis, la copie conservée ne garde pas non plus ce lien.",
  },
});
