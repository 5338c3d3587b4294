import { defineMessages } from '../../i18n/define';

export const mailMessages = defineMessages(
  {
    'mail.outbox.title': 'Outbox',
    'mail.outbox.kept':
      'This server does not send email because SMTP_URL is not set. Every message is kept here instead, so you can copy an invitation or password-reset link and pass it on to the person it is for.',
    'mail.outbox.delivers':
      'Email is sent through the SMTP server set in SMTP_URL. The outbox only holds messages kept before that was set up.',
    'mail.outbox.caption': 'Kept messages, newest first ({total})',
    'mail.outbox.empty': 'The outbox is empty.',
    'mail.column.to': 'To',
    'mail.column.subject': 'Subject',
    'mail.column.date': 'Kept on',
    'mail.message.text': 'Message',
    'mail.message.note': 'Links in the message are shown as text. Copy a link only to give it to the person it was written for.',
    'mail.message.back': 'Back to the outbox',
  },
  {
    'mail.outbox.title': 'Bandeja de salida',
    'mail.outbox.kept':
      'Este servidor no envía correo porque SMTP_URL no está configurado. Todos los mensajes se guardan aquí, para que pueda copiar un enlace de invitación o de restablecimiento de contraseña y dárselo a la persona a la que va dirigido.',
    'mail.outbox.delivers':
      'El correo se envía por el servidor SMTP configurado en SMTP_URL. La bandeja de salida solo guarda los mensajes anteriores a esa configuración.',
    'mail.outbox.caption': 'Mensajes guardados, los más recientes primero ({total})',
    'mail.outbox.empty': 'La bandeja de salida está vacía.',
    'mail.column.to': 'Para',
    'mail.column.subject': 'Asunto',
    'mail.column.date': 'Guardado el',
    'mail.message.text': 'Mensaje',
    'mail.message.note': 'Los enlaces del mensaje se muestran como texto. Copie un enlace solo para dárselo a la persona a la que va dirigido.',
    'mail.message.back': 'Volver a la bandeja de salida',
  },
);
