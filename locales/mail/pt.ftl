# E-mails enviados pelo servidor, em português. Os { $nome } são preenchidos pelo servidor.
# Quem traduz altera o texto e mantém cada parâmetro da mensagem.

mail-signature =
    —
    Pioneer Hub, a plataforma da Aliança Mundial Pioneira para acabar com a violência contra crianças

mail-application-received-subject = Recebemos a sua manifestação de interesse ({ $country })
mail-application-received-body =
    Prezado/a { $name },

    O secretariado da Aliança Mundial Pioneira recebeu a manifestação de interesse de { $country }, assinada por { $signatory }, que o/a designa como ponto focal do país.

    O seu número de referência é { $id }. O secretariado vai analisá-la e escreverá para este endereço com a sua decisão.

mail-application-accepted-subject = { $country } aderiu à Aliança Mundial Pioneira
mail-application-accepted-body =
    Prezado/a { $name },

    O secretariado aceitou a manifestação de interesse de { $country }. Bem-vindos à Aliança.

    { $message }

    Receberá uma mensagem separada para criar a sua conta de ponto focal do país.

mail-application-declined-subject = A sua manifestação de interesse ({ $country })
mail-application-declined-body =
    Prezado/a { $name },

    O secretariado analisou a manifestação de interesse de { $country } e não a pode aceitar nesta fase, pelo seguinte motivo:

    { $message }

    Pode responder a esta mensagem ou apresentar uma nova manifestação de interesse.

mail-invitation-subject = Foi convidado/a a juntar-se a { $platform }
mail-invitation-body =
    Olá,

    { $inviter } convida-o/a a juntar-se a { $platform } como { $role }.

    Para aceitar, escolha a sua palavra-passe neste endereço (a ligação funciona uma vez, durante { $days } dias):
    { $link }

    Se não esperava este convite, pode ignorar esta mensagem.

mail-account-linked-subject = Passou a ser ponto focal de { $country }
mail-account-linked-body =
    Prezado/a { $name },

    Na sequência da aceitação da manifestação de interesse de { $country }, a sua conta existente passa a estar ligada ao país como ponto focal.

    Inicie sessão em { $link }

mail-reset-subject = Escolha uma nova palavra-passe
mail-reset-body =
    Olá,

    Foi pedida a redefinição da palavra-passe da sua conta Pioneer Hub. Para escolher uma nova, abra este endereço (funciona uma vez, durante { $minutes } minutos):
    { $link }

    Se não fez este pedido, ignore esta mensagem: a sua palavra-passe não foi alterada.

mail-reminder-subject = Lembrete: o seu relatório de progresso { $year } termina a { $due }
mail-reminder-body =
    Prezado/a { $name },

    O relatório de progresso de { $country } para { $year } deve ser entregue até { $due } e ainda não foi submetido.

    Pode continuá-lo em { $link }

    O secretariado pode ajudar se precisar: responda a esta mensagem.

mail-role-admin = administrador/a
mail-role-secretariat = membro do secretariado
mail-role-reviewer = revisor/a do Grupo Central de Apoio
mail-role-country_focal_point = ponto focal de um país
mail-role-country_contributor = colaborador/a de uma equipa nacional
mail-role-partner = parceiro/a
mail-secretariat = O secretariado

# Notificações (na aplicação e no resumo diário). { $actor } é o nome de um membro, { $subject } um título.
notification-someone = Alguém
notification-reply = { $actor } respondeu em «{ $subject }»
notification-mention = { $actor } mencionou você em «{ $subject }»
notification-accepted-answer = { $actor } aceitou a sua resposta em «{ $subject }»
notification-group-invitation = { $actor } adicionou você ao grupo «{ $subject }»
notification-resource-published = { $actor } publicou o seu recurso «{ $subject }»
notification-resource-returned = { $actor } devolveu o seu recurso «{ $subject }» com um comentário
notification-resource-archived = { $actor } arquivou o seu recurso «{ $subject }»
notification-join-request = { $actor } pede para entrar no grupo «{ $subject }»
notification-join-approved = { $actor } aceitou você no grupo «{ $subject }»
notification-join-declined = { $actor } recusou o seu pedido para entrar em «{ $subject }»
notification-contact-request = { $actor } gostaria de entrar em contacto consigo como especialista
notification-contact-accepted = { $actor } aceitou o seu pedido de contacto: o endereço está no perfil
notification-contact-declined = { $actor } recusou o seu pedido de contacto
notification-event-place = Uma vaga ficou livre: está inscrito/a em «{ $subject }»
notification-event-reminder = «{ $subject }» começa em menos de um dia

mail-event-reminder-subject = Amanhã: { $title }
mail-event-reminder-body =
    Caro/a { $name },

    Tem uma vaga em «{ $title }». Começa a { $when } (fuso horário do organizador: { $timezone }).

    Os detalhes, a ligação para participar e o seu ficheiro de calendário: { $link }

    Se não puder comparecer, cancele a sua inscrição nessa página: a sua vaga passará para o primeiro membro da lista de espera.

mail-digest-subject = { $count ->
    [one] Pioneer Hub: 1 nova notificação
   *[other] Pioneer Hub: { $count } novas notificações
}
mail-digest-body =
    Caro/a { $name },

    Eis o que aconteceu desde o seu último resumo:

    { $lines }

    Todas as suas notificações: { $link }

    Recebe este resumo diário porque está ativado na sua conta; pode desativá-lo em { $settings }
