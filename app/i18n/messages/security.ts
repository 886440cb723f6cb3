import { messages } from "./types";

export const security = messages({
  en: {
    "input.nul": "This contains a NUL character (\\u0000), which no text can hold. Remove it and try again.",
    "input.badUpload": "The upload did not arrive whole. Choose the file again and send it.",
    "reset.tooMany": "Too many reset requests from your network. Wait a quarter of an hour and try again.",
    "invite.unavailable": "This address cannot be invited to this organisation right now. Your account manager can help.",
    "outbox.linksRemoved":
      "This is a security email: its sign-in link was removed here, so only the recipient can use it. Once delivered, the stored copy keeps no link either.",
  },
  fr: {
    "input.nul": "Ce contenu comporte un caractère NUL (\\u0000), qu’aucun texte ne peut contenir. Retirez-le et réessayez.",
    "input.badUpload": "Le fichier n’est pas arrivé en entier. Choisissez-le de nouveau et envoyez-le.",
    "reset.tooMany": "Trop de demandes de réinitialisation depuis votre réseau. Patientez un quart d’heure et réessayez.",
    "invite.unavailable": "Cette adresse ne peut pas être invitée dans cette organisation pour le moment. Votre chargé de compte peut vous aider.",
    "outbox.linksRemoved":
      "Ceci est un e-mail de sécurité\u202F: son lien de connexion a été retiré ici, seul le destinataire peut l’utiliser. Une fois l’e-mail remis, la copie conservée ne garde pas non plus ce lien.",
  },
});
