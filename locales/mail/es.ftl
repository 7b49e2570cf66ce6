# Correos que envía el servidor, en español. Los { $nombre } los completa el servidor.
# Quien traduce cambia el texto y conserva cada parámetro del mensaje.

mail-signature =
    —
    Pioneer Hub, la plataforma de la Alianza Mundial Pionera para poner fin a la violencia contra los niños y las niñas

mail-application-received-subject = Hemos recibido su expresión de interés ({ $country })
mail-application-received-body =
    Estimado/a { $name }:

    La secretaría de la Alianza Mundial Pionera ha recibido la expresión de interés de { $country }, firmada por { $signatory }, que le designa como punto focal del país.

    Su número de referencia es { $id }. La secretaría la examinará y le escribirá a esta dirección con su decisión.

mail-application-accepted-subject = { $country } se ha unido a la Alianza Mundial Pionera
mail-application-accepted-body =
    Estimado/a { $name }:

    La secretaría ha aceptado la expresión de interés de { $country }. Bienvenidos a la Alianza.

    { $message }

    Recibirá un mensaje aparte para crear su cuenta de punto focal del país.

mail-application-declined-subject = Su expresión de interés ({ $country })
mail-application-declined-body =
    Estimado/a { $name }:

    La secretaría ha examinado la expresión de interés de { $country } y no puede aceptarla por ahora, por el siguiente motivo:

    { $message }

    Puede responder a este mensaje o presentar una nueva expresión de interés.

mail-invitation-subject = Le invitan a unirse a { $platform }
mail-invitation-body =
    Hola:

    { $inviter } le invita a unirse a { $platform } como { $role }.

    Para aceptar, elija su contraseña en esta dirección (el enlace funciona una vez, durante { $days } días):
    { $link }

    Si no esperaba esta invitación, puede ignorar este mensaje.

mail-account-linked-subject = Ahora es punto focal de { $country }
mail-account-linked-body =
    Estimado/a { $name }:

    Tras la aceptación de la expresión de interés de { $country }, su cuenta existente queda vinculada al país como punto focal.

    Inicie sesión en { $link }

mail-reset-subject = Elija una nueva contraseña
mail-reset-body =
    Hola:

    Se ha solicitado restablecer la contraseña de su cuenta de Pioneer Hub. Para elegir una nueva, abra esta dirección (funciona una vez, durante { $minutes } minutos):
    { $link }

    Si no lo ha solicitado, ignore este mensaje: su contraseña no ha cambiado.

mail-reminder-subject = Recordatorio: su informe de avance { $year } vence el { $due }
mail-reminder-body =
    Estimado/a { $name }:

    El informe de avance de { $country } para { $year } vence el { $due } y aún no se ha presentado.

    Puede continuarlo en { $link }

    La secretaría puede ayudarle si lo necesita: responda a este mensaje.

mail-role-admin = administrador/a
mail-role-secretariat = miembro de la secretaría
mail-role-reviewer = revisor/a del Grupo Básico de Apoyo
mail-role-country_focal_point = punto focal de un país
mail-role-country_contributor = colaborador/a de un equipo país
mail-role-partner = socio/a
mail-secretariat = La secretaría

# Notificaciones (en la aplicación y en el resumen diario). { $actor } es el nombre de un miembro, { $subject } un título.
notification-someone = Alguien
notification-reply = { $actor } respondió en «{ $subject }»
notification-mention = { $actor } le mencionó en «{ $subject }»
notification-accepted-answer = { $actor } aceptó su respuesta en «{ $subject }»
notification-group-invitation = { $actor } le añadió al grupo «{ $subject }»
notification-resource-published = { $actor } publicó su recurso «{ $subject }»
notification-resource-returned = { $actor } le devolvió su recurso «{ $subject }» con un comentario
notification-resource-archived = { $actor } archivó su recurso «{ $subject }»
notification-join-request = { $actor } solicita unirse al grupo «{ $subject }»
notification-join-approved = { $actor } le aceptó en el grupo «{ $subject }»
notification-join-declined = { $actor } rechazó su solicitud para unirse a «{ $subject }»
notification-contact-request = { $actor } desea ponerse en contacto con usted como experto/a
notification-contact-accepted = { $actor } aceptó su solicitud de contacto: su dirección figura en su perfil
notification-contact-declined = { $actor } rechazó su solicitud de contacto
notification-event-place = Se liberó una plaza: está inscrito/a en «{ $subject }»
notification-event-reminder = «{ $subject }» comienza en menos de un día

mail-event-reminder-subject = Mañana: { $title }
mail-event-reminder-body =
    Estimado/a { $name }:

    Tiene una plaza en «{ $title }». Comienza el { $when } (zona horaria del organizador: { $timezone }).

    Los detalles, el enlace para participar y su archivo de calendario: { $link }

    Si no puede asistir, cancele su inscripción en esa página: su plaza pasará al primer miembro de la lista de espera.

mail-digest-subject = { $count ->
    [one] Pioneer Hub: 1 notificación nueva
   *[other] Pioneer Hub: { $count } notificaciones nuevas
}
mail-digest-body =
    Estimado/a { $name }:

    Esto es lo que ocurrió desde su último resumen:

    { $lines }

    Todas sus notificaciones: { $link }

    Recibe este resumen diario porque está activado en su cuenta; puede desactivarlo en { $settings }
