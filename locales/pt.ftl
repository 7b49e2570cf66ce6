# Pioneer Hub — Portuguese. Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = A plataforma da Aliança Global Pioneira para acabar com a violência contra crianças
skip-to-content = Ir para o conteúdo principal
language = Idioma
main-nav = Navegação principal
menu = Menu
nav-home = Início
nav-countries = Países
nav-users = Usuários
nav-api-tokens = Tokens de API
signed-in-as = Sessão iniciada como
logout = Sair
loading = Carregando…
generic-error = Ocorreu um erro. Por favor, tente novamente.
network-error = Não foi possível comunicar com o servidor. Verifique a sua conexão e tente novamente.
forbidden = Não tem acesso a esta página.
not-found-title = Página não encontrada
not-found-body = Este endereço não corresponde a nenhuma página.
back-home = Voltar à página inicial
yes = Sim
no = Não
never = Nunca
previous = Anterior
next = Seguinte
page-of = Página { $page } de { $pages }
pagination = Paginação
empty = Ainda não há nada aqui.
form-has-errors = Por favor, corrija os campos indicados abaixo.

## Login

login-title = Início de sessão
email = E-mail
password = Senha
sign-in = Entrar
signing-in = Entrando…
invalid-credentials = E-mail ou senha incorretos
rate-limited = { $seconds ->
    [one] Muitas tentativas. Tente novamente dentro de { $seconds } segundo.
   *[other] Muitas tentativas. Tente novamente dentro de { $seconds } segundos.
}

## Home

welcome = Boas-vindas, { $name }
home-intro = O Pioneer Hub reúne os países e os parceiros da aliança: roteiros nacionais, relatórios anuais de progresso e conhecimentos compartilhados.
role = Função
country = País
your-spaces = Os seus espaços
countries-blurb = Os Estados-membros da aliança e todos os países da norma ISO 3166.
users-blurb = Contas das equipes nacionais, dos revisores e dos parceiros.
api-tokens-blurb = Tokens para os sistemas nacionais de informação e os painéis de indicadores.

## Roles

role-admin = Administrador
role-secretariat = Secretariado
role-reviewer = Revisor do Grupo Central de Apoio
role-country-focal-point = Ponto focal nacional
role-country-contributor = Colaborador nacional
role-partner = Parceiro

## Countries

countries-title = Países
pioneer-only = Apenas países pioneiros
countries-count = { $count ->
    [one] { $count } país
   *[other] { $count } países
}
code = Código
name = Nome
region = Região
pioneer = Pioneiro
region-africa = África
region-americas = Américas
region-asia = Ásia
region-europe = Europa
region-oceania = Oceania

## Users

users-title = Usuários
users-count = { $count ->
    [one] { $count } membro
   *[other] { $count } membros
}
new-user-title = Adicionar um membro
choose-country = Selecione um país
password-hint = Pelo menos 10 caracteres.
create-user = Criar a conta
user-created = Conta criada para { $name }.
status = Estado
active = Ativo
inactive = Inativo
activate = Ativar
deactivate = Desativar
actions = Ações
you = (a sua conta)

## Field errors

err-required = Este campo é obrigatório.
err-invalid-format = Este valor não está no formato esperado.
err-invalid-email = Insira um endereço de e-mail válido.
err-password-too-short = A senha deve ter pelo menos 10 caracteres.
err-too-long = Este valor é muito longo.
err-not-allowed = Não permitido para esta função.
err-email-taken = Já existe uma conta com este endereço de e-mail.
err-unknown-country = País desconhecido.

## API tokens

api-tokens-title = Tokens de API
api-tokens-intro = Os integradores enviam estes tokens no cabeçalho “Authorization: Bearer …” para chamar a API REST a partir dos sistemas nacionais de informação e dos painéis de indicadores.
new-token-title = Criar um token
token-name = Nome
token-name-hint = Para que serve o token, por exemplo, “Painel nacional”.
expires-on = Data de expiração (opcional)
create-token = Criar o token
token-created = Token “{ $name }” criado
token-shown-once = Copie este token agora: ele não voltará a ser mostrado.
copy = Copiar
copied = Copiado
dismiss = Já copiei
created-on = Data de criação
expires = Expiração
last-used = Último uso
revoke = Revogar
revoke-named = Revogar o token “{ $name }”
revoke-confirm = Revogar o token “{ $name }”? Os sistemas que o utilizam perderão o acesso.

## Roadmaps

nav-roadmaps = Roteiros
nav-review-queue = Fila de revisão
roadmaps-blurb = Roteiros nacionais: prioridades, ações-chave, orçamentos e indicadores.
review-queue-blurb = Roteiros e relatórios anuais submetidos que aguardam uma decisão, dos mais antigos para os mais recentes.
roadmaps-title = Roteiros
roadmaps-count = { $count ->
    [one] { $count } roteiro
   *[other] { $count } roteiros
}
roadmaps-count-one = 1 roteiro
roadmaps-count-shown = { $count ->
    [one] { $count } roteiro; são mostrados os { $shown } atualizados mais recentemente: use os filtros para encontrar os restantes
   *[other] { $count } roteiros; são mostrados os { $shown } atualizados mais recentemente: use os filtros para encontrar os restantes
}
all-countries = Todos os países
all-statuses = Todos os estados
status-draft = Rascunho
status-submitted = Submetido
status-changes-requested = Alterações solicitadas
status-approved = Aprovado
status-superseded = Substituído
title = Título
period = Período
version = Versão
version-n = Versão { $n }
updated-on = Última atualização
new-roadmap = Novo roteiro
period-start = Primeiro ano
period-end = Último ano
create-roadmap = Criar o roteiro
cancel = Cancelar
summary = Visão e resumo
consultation = Consulta nacional
held-on = Data da consulta
stakeholder-groups = Grupos de partes interessadas que participaram
participants = Número de participantes
sg-government = Governo
sg-civil-society = Sociedade civil
sg-faith = Organizações religiosas
sg-un = Nações Unidas
sg-children = Crianças e jovens
sg-survivors = Pessoas sobreviventes
sg-private = Setor privado
sg-academia = Meio universitário
priorities = Prioridades
priority-named = Prioridade “{ $name }”
description = Descrição
strategies = Estratégias INSPIRE
new-priority-title = Título de uma nova prioridade
add-priority = Adicionar a prioridade
actions-heading = Ações-chave
action-named = Ação-chave “{ $name }”
new-action-title = Título de uma nova ação-chave
add-action = Adicionar a ação-chave
lead-institution = Instituição responsável
partners = Parceiros (separados por vírgulas)
partners-short = Parceiros
start-month = Mês de início
end-month = Mês de conclusão
budget-amount = Orçamento
currency = Moeda
secured = Valor garantido
funding-source = Fonte de financiamento
indicators = Indicadores
indicator-named = Indicador “{ $name }”
sdg-indicator = Indicador dos ODS
national-indicator = Indicador nacional (sem código dos ODS)
unit = Unidade
baseline-value = Valor da linha de base
baseline-year = Ano da linha de base
target-value = Valor da meta
target-year = Ano da meta
source = Fonte
new-indicator-name = Nome de um novo indicador
add-indicator = Adicionar o indicador
delete = Eliminar
delete-named = Eliminar “{ $name }”
confirm-delete = Eliminar “{ $name }”?
saving = Salvando…
all-saved = Todas as alterações foram salvas
pending-changes = { $count ->
    [one] { $count } alteração ainda não salva
   *[other] { $count } alterações ainda não salvas
}
offline-kept = Sem conexão: as suas alterações ficam guardadas neste dispositivo e serão enviadas quando a conexão for restabelecida.
retry-now = Tentar novamente agora
conflict-title = Outra pessoa alterou este roteiro nesse meio-tempo
conflict-intro = A sua alteração foi feita sobre uma versão anterior. Mantenha o seu valor (ele será aplicado à versão atual) ou use o valor atual.
field = Campo
your-value = O seu valor
current-value = Valor atual
keep-mine = Manter o meu valor
take-theirs = Usar o valor atual
part-gone = Este elemento foi eliminado nesse meio-tempo.
completeness = O que falta antes de submeter
ready-to-submit = O roteiro está completo e pode ser submetido.
submit = Submeter para revisão
withdraw = Retirar a submissão
revise = Iniciar uma nova versão
print = Imprimir
submitted = O roteiro foi submetido para revisão.
not-editable = Este roteiro não pode ser editado no seu estado atual.
stale-reloaded = O roteiro tinha sido alterado; é mostrada a versão atual.
budget-title = Orçamento
budget-by-strategy = Orçamento por estratégia INSPIRE ({ $currency })
secured-and-gap = Garantido e ainda por obter ({ $currency })
total = Total
gap = Ainda por obter
no-strategy = Sem estratégia
no-budget = Ainda não foi inserido nenhum orçamento.
timeline = Cronograma
no-schedule = Ainda não há nenhuma ação-chave programada.
not-scheduled = não programada
comments = Comentários
new-comment = Novo comentário
reply = Responder
reply-to = Responder a { $name }
your-reply = A sua resposta
send = Enviar
decision = A sua decisão
decision-comment = Comentário para a equipe nacional
decision-hint = Obrigatório se solicitar alterações.
approve = Aprovar
request-changes = Solicitar alterações
added = Adicionado
removed = Removido
changed = Alterado
changes-since-approved = O que mudou desde a versão aprovada (versão { $n })
no-changes-since-approved = Nada mudou desde a versão aprovada.
value-before = Antes:
value-after = Depois:
section-roadmap = Roteiro
section-priority = Prioridade
section-action = Ação-chave
section-indicator = Indicador
history = Histórico
versions = Versões
review-queue-title = Fila de revisão
submitted-on = Data de submissão
queue-empty = Nenhum roteiro aguarda revisão.
queue-roadmaps = Roteiros aguardando revisão
queue-reports = Relatórios aguardando revisão
queue-reports-empty = Nenhum relatório aguarda revisão.
err-outside-period = Fora do período do roteiro.
err-before-start = Não pode ser anterior ao início.
err-negative = Não pode ser negativo.
err-exceeds-budget = Excede o orçamento.
err-currency-mismatch = Deve estar na moeda do orçamento.
err-invalid-amount = Insira um valor com, no máximo, duas casas decimais, por exemplo, 1500.50.
err-invalid-month = Escreva o mês no formato AAAA-MM.
err-invalid-number = Insira um número, por exemplo, 42.5.
err-out-of-range = Este valor está fora do intervalo permitido.
err-before-baseline = O ano da meta não pode ser anterior ao ano da linha de base.
err-unknown-currency = Moeda desconhecida.

## Relatórios anuais de progresso

nav-reports = Relatórios
nav-reporting-cycles = Ciclos de relatórios
reports-blurb = Os relatórios anuais de progresso dos países sobre os seus roteiros.
reporting-cycles-blurb = Abrir os ciclos anuais de relatórios, acompanhar quem já reportou e ler a síntese.
reports-title = Relatórios anuais de progresso
reports-count = { $count ->
    [one] { $count } relatório
   *[other] { $count } relatórios
}
reports-empty = Nenhum relatório a mostrar.
reports-of-figure = São mostrados apenas os relatórios por trás de um número da síntese.
show-all-reports = Mostrar todos os relatórios
year = Ano
all-years = Todos os anos
deadline = Prazo
on-time = No prazo
late = Atrasado
overdue = Prazo vencido
status-accepted = Aceito
status-not-started = Não iniciado
start-report = Iniciar o relatório de { $year }
start-report-hint = O ciclo de relatórios de { $year } está aberto; os relatórios devem ser entregues até { $date }. O seu relatório parte do seu roteiro aprovado e do relatório do ano passado.
no-approved-roadmap = O seu país precisa de um roteiro aprovado antes de poder reportar.
report-exists = O seu país já iniciou este relatório.
cycle-closed-error = Este ciclo de relatórios está encerrado: os seus relatórios já não podem ser alterados.
report-title = Relatório anual de progresso { $year }
roadmap-version-link = O roteiro sobre o qual se reporta (versão { $n })
trend-link = Progresso ao longo dos anos
trend = Evolução
report-submitted = O relatório foi submetido para revisão.
report-not-editable = Este relatório não pode ser alterado na sua situação atual.
report-stale-reloaded = O relatório tinha mudado; é mostrada a versão atual.
report-conflict-title = Outra pessoa alterou este relatório entretanto
accept-report = Aceitar o relatório
general-comments = Comentários sobre o relatório
general-comments-hint = Para observações sobre o relatório como um todo; cada seção abaixo tem os seus próprios comentários.
action-progress = Andamento das ações-chave
no-actions = O roteiro não tem nenhuma ação-chave.
action-status = Situação
action-not-started = Não iniciada
action-on-track = No caminho certo
action-delayed = Atrasada
action-completed = Concluída
action-cancelled = Cancelada
progress-percent = Andamento (%)
progress-done = { $percent } % realizado
spent = Valor gasto
spent-in = Valor gasto ({ $currency })
budget-of = Orçamento: { $amount }
no-budget-line = Sem orçamento no roteiro
note = Observação
carried-over = Retomado do ano passado
no-indicators = O roteiro não tem nenhum indicador.
latest-value = Último valor
value = Valor
value-year = Ano do valor
toward-target = { $percent } % do caminho entre a linha de base e a meta
away-from-target = { $percent } % mais longe da meta do que a linha de base
no-progress-data = Ainda não há dados suficientes para medir o progresso em direção à meta.
narrative-heading = Nas suas próprias palavras
achievements = Conquistas
achievements-hint = O que mudou para as crianças este ano, e graças a que ações.
challenges = Desafios
challenges-hint = O que atrasou ou dificultou o trabalho.
lessons-learned = Lições aprendidas
lessons-learned-hint = O que faria de novo, ou de outra forma, e o que poderia servir a outros.
children-participation = Participação de crianças e jovens
children-participation-hint = Como as crianças e os jovens participaram nas ações e neste relatório.
support-requests = Apoio solicitado à aliança
no-support-requests = Nenhum apoio solicitado.
support-type = Tipo de apoio
support-technical = Assistência técnica
support-financial = Apoio financeiro
support-peer-exchange = Intercâmbio entre pares
support-capacity-building = Desenvolvimento de capacidades
concerns = A que se refere
concerns-nothing = O roteiro como um todo
new-support-request = Solicitar apoio
add-support-request = Adicionar a solicitação
happened-accepted = Aceitação
section-report = Relatório
section-support-request = Solicitação de apoio
section-application = Candidatura
section-invitation = Convite
section-resource = Recurso
err-before-opening = O prazo não pode ser anterior à data de abertura.

## Ciclos de relatórios, acompanhamento

cycles-title = Ciclos de relatórios
cycles-intro = Todos os anos, os países com um roteiro aprovado relatam os seus progressos. Abra o ciclo, defina as suas datas, acompanhe quem já reportou e encerre-o quando os relatórios tiverem chegado.
cycles-empty = Ainda não há nenhum ciclo de relatórios.
new-cycle = Abrir um ciclo de relatórios
cycle-year = Ano de referência
opens-on = Abre em
due-on = Prazo em
open-cycle = Abrir o ciclo
cycle-created = O ciclo de relatórios de { $year } está aberto.
cycle-exists = Já existe um ciclo de relatórios para este ano.
cycle-n = Ciclo de relatórios { $year }
cycle-open = Aberto
cycle-closed = Encerrado
close-cycle = Encerrar o ciclo
reopen-cycle = Reabrir o ciclo
save-dates = Salvar as datas
dates-saved = As datas foram salvas.
tracker = Acompanhamento
synthesis = Síntese
tracker-title = Quem reportou para { $year }
tracker-caption = Países que devem reportar e situação dos seus relatórios
tracker-counts = Relatórios por situação
tracker-empty = Nenhum país corresponde a estes filtros.
expected = Esperados
all-regions = Todas as regiões
due-on-date = Os relatórios devem ser entregues até { $date }.
download-csv = Baixar CSV
download-xlsx = Baixar Excel (XLSX)

## Síntese e evolução

synthesis-title = Síntese { $year }
include-submitted = Incluir os relatórios submetidos mas ainda não aceitos
synthesis-based-on = { $count ->
    [one] Com base em { $count } relatório
   *[other] Com base em { $count } relatórios
}
synthesis-empty = Ainda não foi aceito nenhum relatório deste ciclo.
actions-by-strategy = Ações-chave por situação, por estratégia INSPIRE
actions-by-region = Ações-chave por situação, por região
budget-planned-spent = Orçamento previsto e gasto, por estratégia INSPIRE ({ $currency })
budget-by-country = Orçamento previsto e gasto, por país (cada moeda na sua própria linha)
planned = Previsto
planned-spent = previsto { $planned }, gasto { $spent }
indicators-on-track = Indicadores no caminho certo, por país
indicator-on-track = No caminho certo
indicator-off-track = Fora do caminho
indicator-no-data = Sem dados
support-by-type = Apoio solicitado, por tipo e por país
late-countries = Países que reportaram com atraso
no-late = Nenhum país reportou com atraso.
in-all = { $count } no total
no-data = Ainda não há nada a mostrar.
unknown-region = Região desconhecida
trend-title = Progresso ao longo dos anos
trend-actions = Ações-chave por situação, por ciclo de relatórios
trend-indicators = Indicadores ao longo do tempo
trend-empty = Este país ainda não tem nenhum relatório.
trend-desc = Valores por ciclo: { $values }. Linha de base: { $baseline }. Meta: { $target }.
baseline = Linha de base
target = Meta

## Dates
month1 = janeiro
month2 = fevereiro
month3 = março
month4 = abril
month5 = maio
month6 = junho
month7 = julho
month8 = agosto
month9 = setembro
month10 = outubro
month11 = novembro
month12 = dezembro
date = { $day } de { $month } de { $year }
date-time = { $date }, às { $time } UTC

## History
happened-created = Criação
happened-updated = Alteração
happened-deleted = Exclusão
happened-submitted = Envio
happened-withdrawn = Retirada
happened-changes-requested = Pedido de alterações
happened-approved = Aprovação
happened-superseded = Substituição por uma versão mais recente
happened-revision-started = Início como nova versão
happened-revised = Nova versão iniciada
happened-declined = Recusa
happened-archived = Arquivamento
history-event = { $happened } · { $section }

## Spreadsheet exports (written by the server)
export-sheet = Ações-chave
export-priority = Prioridade
export-strategies = Estratégias INSPIRE
export-action = Ação-chave
export-description = Descrição
export-lead-institution = Instituição responsável
export-partners = Parceiros
export-start-month = Mês de início
export-end-month = Mês de conclusão
export-budget = Orçamento
export-currency = Moeda
export-secured = Valor garantido
export-gap = Ainda por obter
export-funding-source = Fonte de financiamento
export-action-id = Identificador da ação

## Account and two-factor sign-in
nav-account = Minha conta
account-title = Minha conta
account-name = Nome
totp-title = Verificação em duas etapas
totp-intro = Proteja sua conta com uma segunda etapa ao entrar: depois da senha, um código de 6 dígitos de um aplicativo autenticador no seu celular (por exemplo, Aegis, FreeOTP, Google Authenticator ou Microsoft Authenticator).
totp-on = Ativada.
totp-off = Desativada.
totp-recovery-left = { $count ->
    [one] Resta { $count } código de recuperação.
   *[other] Restam { $count } códigos de recuperação.
}
totp-turn-on = Ativar a verificação em duas etapas
totp-setup-title = Configure seu aplicativo autenticador
totp-scan = Escaneie este código QR com seu aplicativo autenticador.
totp-qr-label = Código QR para adicionar o Pioneer Hub a um aplicativo autenticador
totp-manual-entry = Ou, se não conseguir escaneá-lo, digite esta chave manualmente no aplicativo:
totp-confirm-label = Digite o código de 6 dígitos que o aplicativo mostra agora
totp-confirm = Confirmar e ativar
totp-recovery-title = Seus códigos de recuperação
totp-recovery-warning = Guarde estes códigos em um lugar seguro, longe do seu celular (impressos ou em um gerenciador de senhas). Se você perder o celular, cada código permite entrar uma vez no lugar de um código de 6 dígitos. Eles são mostrados só desta vez.
totp-recovery-saved = Já os guardei
totp-required-notice = Sua função exige a verificação em duas etapas. Ative-a para continuar usando o Pioneer Hub.
totp-required-cannot-turn-off = Sua função exige a verificação em duas etapas: ela não pode ser desativada.
totp-turn-off-title = Desativar a verificação em duas etapas
totp-turn-off = Desativar
totp-code-label = Digite o código de 6 dígitos do seu aplicativo autenticador (ou um código de recuperação)
totp-code-hint = O código muda a cada 30 segundos. Um código de recuperação tem este formato: abcd-efgh-jkmn.
totp-verify = Verificar
totp-back-to-password = Voltar ao e-mail e à senha
totp-invalid-code = Este código está incorreto ou já foi usado. Aguarde o próximo código e tente novamente.
totp-challenge-expired = O início de sessão demorou demais. Digite sua senha novamente.
totp-enrolment-required = Sua função exige a verificação em duas etapas: ative-a primeiro na sua conta.

## Membership: joining, invitations, passwords, country teams, outbox
nav-applications = Candidaturas
applications-blurb = As manifestações de interesse dos países e suas decisões.
nav-outbox = Envios
outbox-blurb = Os e-mails e lembretes enviados em segundo plano; volte a tentar os que falharam.
join-link = Seu país deseja aderir à aliança?
forgot-password-link = Esqueceu sua senha?
join-title-page = Aderir à aliança
join-intro = Um governo manifesta o seu interesse em aderir à Aliança Global Pioneira enviando este formulário com a carta assinada por um representante de alto nível. O secretariado analisa-o e responde por e-mail.
join-country-section = O país
join-entity = Entidade governamental
join-signatory-section = O signatário
join-signatory = Signatário
join-signatory-name = Nome do signatário
join-signatory-title = Cargo do signatário
join-commitment-section = Compromisso
join-language = Língua da candidatura
join-language-hint = O compromisso abaixo está redigido nesta língua, e o secretariado responde nela.
join-commitment = Declaração de compromisso
join-commitment-hint = O texto do anexo I, que o signatário subscreve. Você pode adaptá-lo.
join-commitment-restore = Restaurar o texto do anexo
join-commitment-party = [Nome do país – Entidade governamental]
join-commitment-text =
    Pela presente, { $party } adere voluntariamente à Aliança Global Pioneira para acabar com a violência contra crianças e declara o seu compromisso de prosseguir a missão, os objetivos e os princípios da Aliança Global, a fim de apoiar e acelerar os esforços para acabar com a violência contra crianças até 2030.

    Reconhece o crescimento alarmante do número de crianças confrontadas com diversas formas de violência no mundo, observando que, apesar de todos os importantes esforços passados e atuais, o mundo não está no caminho para cumprir a Agenda 2030.

    Observa que o mundo deve unir-se em torno de abordagens integradas em grande escala, que favoreçam soluções adaptadas ao contexto e respondam às necessidades específicas, a fim de erradicar a violência contra crianças.

    Para esse fim, torna-se membro da Aliança Global Pioneira para acabar com a violência contra crianças, a fim de apoiar e acelerar os esforços para eliminar a violência contra crianças, reforçando e investindo em serviços integrados de proteção da criança.

    Ao aderir, por conseguinte, à Aliança Global Pioneira para acabar com a violência contra crianças, compromete-se a envidar todos os esforços possíveis, no seu domínio de ação e em conformidade com o seu mandato, as suas capacidades, as suas prioridades, os seus procedimentos e o seu quadro jurídico, para apoiar a implementação de instrumentos políticos e de programas a nível nacional, conforme as necessidades, incluindo através da promoção da aprendizagem partilhada e da mobilização de recursos em grande escala.
join-focal-point-section = Ponto focal designado
join-focal-point-hint = O alto funcionário ou a alta funcionária que conduzirá o trabalho do país na aliança. Depois que a candidatura for aceita, recebe neste endereço um convite para o Pioneer Hub.
join-title = Cargo
join-ministry = Ministério ou organismo
join-letter-section = Carta assinada
join-letter = Carta assinada (PDF)
join-letter-hint = A carta de manifestação de interesse assinada por um representante de alto nível: um PDF de 5 MB no máximo.
join-submit = Enviar a manifestação de interesse
join-sending = Enviando…
join-rate-limited = { $minutes ->
    [one] Foram enviadas demasiadas candidaturas a partir desta conexão. Tente novamente em { $minutes } minuto.
   *[other] Foram enviadas demasiadas candidaturas a partir desta conexão. Tente novamente em { $minutes } minutos.
}
join-done-title = Obrigado: sua manifestação de interesse foi recebida
join-done-reference = Sua referência, a indicar em qualquer contato com o secretariado:
join-done-mailed = Uma confirmação de recebimento foi enviada por e-mail para { $email }.
join-done-next = O secretariado analisará a candidatura e responderá por e-mail.
err-not-pdf = A carta deve ser um arquivo PDF.
err-letter-too-large = O arquivo tem mais de 5 MB.
err-invalid-characters = Escreva isto numa só linha, sem caracteres especiais.
err-unknown-language = Escolha uma das línguas propostas.
applications-title = Manifestações de interesse
applications-intro = As candidaturas enviadas pelo formulário «Aderir à aliança». Aceitar uma registra o país como pioneiro e convida o seu ponto focal.
applications-empty = Nenhuma candidatura com este estado.
application-received = Recebida
application-declined = Recusada
received-on = Recebida em
application-of = Manifestação de interesse: { $country }
application-received-on = Recebida em { $date }
back-to-applications = Todas as candidaturas
reference = Referência
download-letter = Baixar { $name }
application-decision = Decisão
application-decision-choice = Sua decisão
accept-application = Aceitar a candidatura
decline-application = Recusar a candidatura
decision-message = Mensagem para o candidato
decision-message-hint = Enviada por e-mail com a decisão. Obrigatória em caso de recusa.
joined-on-optional = Data de adesão (opcional; hoje se ficar vazia)
already-decided = Esta candidatura já tem uma decisão: recarregue a página para vê-la.
invitation-title = Seu convite para o Pioneer Hub
invited-as = Você foi convidado(a) como { $role }.
invited-as-for = Você foi convidado(a) como { $role } para { $country }.
invited-by = Convite de
link-valid-until = Link válido até
create-your-account = Crie sua conta
your-name = Seu nome
new-password = Nova senha
confirm-password = Confirme a senha
passwords-differ = As duas senhas não são iguais.
accept-invitation = Criar a minha conta
link-unknown = Este link não é válido. Verifique se você o copiou por completo do e-mail.
link-used = Este link já foi utilizado. Entre com seu e-mail e sua senha.
invitation-expired = Este convite expirou. Peça um novo à pessoa que o(a) convidou ou ao secretariado.
invitation-email-taken = Já existe uma conta para este endereço. Entre com ela.
go-to-sign-in = Ir para a página de login
forgot-password-title = Esqueceu sua senha?
forgot-password-intro = Informe o endereço de e-mail da sua conta: enviaremos um link para escolher uma nova senha.
send-reset-link = Enviar o link
back-to-sign-in = Voltar ao login
reset-requested = Se existir uma conta para este endereço, um link está a caminho. Ele é válido por uma hora.
try-again-in-minutes = { $minutes ->
    [one] Demasiados pedidos. Tente novamente em { $minutes } minuto.
   *[other] Demasiados pedidos. Tente novamente em { $minutes } minutos.
}
reset-password-title = Escolha uma nova senha
change-password = Alterar a senha
ask-new-link = Pedir um novo link
reset-expired = Este link expirou. Peça um novo.
password-changed = Senha alterada. Agora você pode entrar com a nova senha.
pioneer-country = País pioneiro
joined-on = Membro da aliança desde
focal-points = Pontos focais
no-focal-point = Ainda não há nenhum ponto focal.
no-roadmap-yet = Ainda não há nenhum roteiro a mostrar.
no-report-yet = Ainda não há nenhum relatório anual a mostrar.
manage-team = Gerenciar a equipe
country-profile = Ficha do país
team-title = Equipe: { $country }
team-intro = Os pontos focais e colaboradores que trabalham no roteiro e nos relatórios do país. Convide novos membros, transfira o papel de ponto focal ou desative uma conta.
team-members = Membros
team-empty = Ainda não há nenhum membro.
two-factor = Login em duas etapas
make-focal-point = Nomear ponto focal
handover-confirm = Transferir o papel de ponto focal para { $name }?
deactivate-confirm = Desativar a conta de { $name }? A pessoa não poderá mais entrar.
keep-my-role = Continuar a ser ponto focal ao transferir o papel
team-conflict = Esta alteração não é possível: a equipe mudou entretanto, ou o país ficaria sem ponto focal.
pending-invitations = Convites pendentes
no-pending-invitation = Nenhum convite pendente.
cancel-invitation = Anular
cancel-invitation-confirm = Anular o convite enviado para { $email }? O link deixará de funcionar.
invite-title = Convidar um membro
mail-language = Língua do e-mail de convite
send-invitation = Enviar o convite
invitation-sent = Convite enviado para { $email }.
outbox-title = Envios
outbox-intro = Os e-mails e lembretes são enviados em segundo plano e repetidos automaticamente. Aqui figuram os que falharam em todas as tentativas: corrija a causa e volte a tentar.
outbox-empty = Nenhuma tarefa com este estado.
all-kinds = Todos os tipos
job-pending = Pendente
job-running = Em curso
job-done = Concluída
job-failed = Falhada
job-mail = E-mail
job-reminder = Lembrete
job-summary = Assunto
job-kind = Tipo
job-attempts = Tentativas
job-last-error = Último erro
job-when = Data
retry-job = Tentar de novo
job-retried = Novamente em fila: { $summary }
remind-countries = Enviar um lembrete aos países que não submeteram o relatório
remind-confirm = Enviar um lembrete a cada país que não submeteu o relatório de { $year }?
remind-cycle-closed = Este ciclo de relatórios está encerrado: não é possível enviar lembretes.
remind-nobody = Todos os países submeteram o relatório: não há ninguém a lembrar.
reminded-count = { $count ->
    [one] Um lembrete está sendo enviado para { $count } país:
   *[other] Um lembrete está sendo enviado para { $count } países:
}
recipients-count = { $count ->
    [one] { $count } ponto focal
   *[other] { $count } pontos focais
}
no-focal-point-account = Nenhuma conta de ponto focal: entre em contato com este país por outro meio

## Thematic groups
nav-groups = Grupos
groups-blurb = Grupos temáticos: membros que trabalham juntos num tema.
groups-title = Grupos temáticos
groups-intro = Os membros que trabalham num mesmo tema partilham recursos, discussões e eventos no seu grupo. O secretariado cria os grupos e designa os seus membros e moderadores.
groups-empty = Ainda não há nenhum grupo temático.
group-member = Membro
group-moderator = Moderador
group-counts = { $members ->
    [one] { $members } membro
   *[other] { $members } membros
}, { $moderators ->
    [one] { $moderators } moderador
   *[other] { $moderators } moderadores
}
new-group-title = Criar um grupo
group-created = O grupo «{ $name }» foi criado.
group-name = Nome do grupo
group-description = Descrição
create-group = Criar o grupo
all-groups = Todos os grupos
group-members = Membros
group-no-member = Ainda não há nenhum membro.
remove-from-group = Retirar
remove-from-group-confirm = Retirar { $name } do grupo? Perde imediatamente o acesso ao seu conteúdo.
group-role-label = Função no grupo
add-to-group = Adicionar ao grupo
add-to-group-hint = Indique um membro do Pioneer Hub pelo seu endereço de e-mail. Um membro que já está no grupo muda de função.
added-to-group = { $name } faz parte do grupo.
err-group-name-taken = Já existe um grupo com este nome.
err-unknown-member = Nenhum membro ativo do Pioneer Hub tem este endereço de e-mail.

## Knowledge base
nav-knowledge = Base de conhecimento
knowledge-blurb = Boas práticas, evidências, ferramentas e orientações que a aliança compartilha.
nav-moderation = Moderação
moderation-blurb = Recursos que aguardam um moderador antes de serem publicados.
knowledge-title = Base de conhecimento
knowledge-intro = Boas práticas, evidências, ferramentas, orientações e gravações que os países e os parceiros da aliança compartilham.
knowledge-search-label = Pesquisar na base de conhecimento
knowledge-search-hint = Digite algumas palavras em qualquer um dos quatro idiomas; os acentos são opcionais.
search-button = Pesquisar
share-resource = Compartilhar um recurso
sign-in-to-share = Entre para compartilhar um recurso.
browse-knowledge = Explorar a base de conhecimento
search-total = { $count ->
    [one] { $count } recurso encontrado
   *[other] { $count } recursos encontrados
}
search-no-result = Nenhum recurso corresponde a esta pesquisa. Tente outras palavras ou remova um filtro.
search-results = Resultados da pesquisa
filters = Filtros
clear-filters = Remover os filtros
facet-kind = Tipo de recurso
facet-strategy = Estratégia INSPIRE
facet-language = Idioma do recurso
latest-resources = Mais recentes
most-viewed-resources = Mais consultados
no-resource-yet = Nenhum recurso foi publicado ainda.
resource-views = { $count ->
    [one] { $count } visualização
   *[other] { $count } visualizações
}
kind-good-practice = Boa prática
kind-evidence = Evidências e pesquisa
kind-tool = Ferramenta
kind-guidance = Orientações
kind-video = Vídeo
kind-tutorial = Tutorial
kind-case-study = Estudo de caso
kind-webinar-recording = Gravação de webinar
kind-qa = Perguntas e respostas
resource-status-pending = Aguardando moderação
resource-status-published = Publicado
resource-status-returned = Devolvido ao autor
resource-status-archived = Arquivado
visibility-public = Todos, mesmo sem conta
visibility-members = Os membros do Pioneer Hub
visibility-group = Os membros de um grupo
back-to-knowledge = Voltar à base de conhecimento
resource-by = Por { $name }
resource-published-on = Publicado em { $date }
resource-submitted-on = Enviado em { $date }
resource-for-group = Para os membros de { $group }
resource-details = Sobre este recurso
resource-kind = Tipo de recurso
resource-title = Título
resource-summary = Resumo
resource-body = Texto
resource-language = Idioma do recurso
resource-strategies = Estratégias INSPIRE
resource-countries = Países
resource-tags = Etiquetas
resource-links = Links
resource-files = Arquivos
resource-group = Grupo
resource-visibility = Quem pode lê-lo
resource-author = Autor
download-file = Baixar
download-file-named = Baixar { $name }
edit-resource = Editar
edit-published-hint = Suas alterações vão para moderação como uma proposta de alteração; esta versão continua visível até que um moderador as publique.
submit-again = Enviar novamente
publish-resource = Publicar
return-resource = Devolver ao autor
return-comment = Por que volta ao autor
return-comment-hint = O autor lê este comentário no recurso.
archive-resource = Arquivar
archive-confirm = Arquivar este recurso? Ele deixará de aparecer na base de conhecimento.
pending-revision-link = Uma alteração aguarda moderação
revision-of-note = Esta é uma proposta de alteração de um recurso publicado, aguardando moderação.
see-published-version = Ver a versão publicada
resource-published-notice = O recurso está publicado.
resource-returned-notice = O recurso voltou ao autor com o seu comentário.
resource-archived-notice = O recurso está arquivado.
resource-submitted-notice = O recurso está novamente em moderação.
resource-returned-alert = Um moderador devolveu este recurso: leia o comentário, edite-o e envie-o novamente.
resource-pending-alert = Este recurso aguarda um moderador: apenas o autor e os moderadores o veem.
resource-stale = Alguém alterou este recurso enquanto isso: a página agora o mostra como está. Verifique-o e tente novamente.
resource-step-refused = Esta etapa não é possível no estado atual do recurso.
resource-not-editable = Este recurso não pode mais ser editado.
sign-in-to-read = Este recurso é para os membros: entre para lê-lo.
new-resource-title = Compartilhar um recurso
edit-resource-title = Editar o recurso
new-resource-intro = Um moderador lê cada recurso antes de ele ser publicado.
write-tab = Escrever
preview-tab = Pré-visualizar
preview-empty = Ainda não há nada para pré-visualizar.
markdown-hint = Markdown: **negrito**, *itálico*, listas começando com “-”, links como [texto](https://…).
tags-hint = Separe as etiquetas com vírgulas.
links-hint = Um endereço por linha, começando com https://.
add-country = Adicionar um país
choose-one-country = Escolha um país…
remove-named = Remover { $name }
remove-file = Remover
resource-stale-form = Alguém alterou este recurso enquanto isso. Seu texto foi mantido: salve novamente para substituir a versão dessa pessoa pela sua.
choose-group = Escolha um grupo…
no-group-to-share = Você não é membro de nenhum grupo temático.
attach-files = Anexar arquivos
attached-files = Arquivos anexados
files-hint = PDF, imagens, vídeos MP4, Word, Excel, PowerPoint, texto OpenDocument, CSV ou texto simples; no máximo 25 MB por arquivo.
file-waiting = Aguardando envio
file-sent = Enviado
upload-progress-label = { $name }: { $percent } %
send-for-moderation = Enviar para moderação
save-resource = Salvar
propose-change = Propor a alteração
files-not-sent = O recurso foi salvo, mas alguns arquivos não foram enviados. Remova-os ou substitua-os e salve novamente.
open-resource = Abrir o recurso
err-file-too-large = Este arquivo tem mais de 25 MB.
err-file-type = Este tipo de arquivo não é aceito.
err-invalid-url = Um link é um endereço que começa com http:// ou https://.
err-unknown-strategy = Estratégia INSPIRE desconhecida.
revision-pending-error = Uma alteração deste recurso já aguarda moderação: edite essa alteração.
err-file-truncated = O arquivo chegou incompleto: envie-o novamente.
err-too-many = Valores demais.
moderation-title = Moderação
moderation-intro = Os recursos que aguardam um moderador, os mais antigos primeiro. Abra um para publicá-lo, devolvê-lo ao autor com um comentário ou arquivá-lo.
moderation-empty = Nada para moderar.
moderation-queue = Recursos aguardando moderação
revision-badge = Alteração de um recurso publicado

## Discussions
nav-discussions = Discussões
discussions-blurb = Pergunte aos outros membros, compartilhe o que funcionou e acompanhe as respostas.
discussions-title = Discussões
discussions-intro = O fórum geral está aberto a todos os membros do Pioneer Hub. Cada grupo temático também tem suas próprias discussões, na página do grupo.
general-forum = Fórum geral
discussions-empty = Ainda não há discussões: comece a primeira.
group-discussions = Discussões do grupo
group-discussions-intro = Somente os membros do grupo as leem e participam.
discussion-started = Iniciada por { $author } em { $date }
discussion-posts = { $count ->
    [one] { $count } mensagem
   *[other] { $count } mensagens
}
discussion-last-post = última mensagem em { $date }
discussion-answered = Respondida
discussion-following = Seguindo
new-discussion-title = Iniciar uma discussão
discussion-title-label = Título
discussion-body-label = Sua pergunta ou seu tema
start-discussion = Iniciar a discussão
all-discussions = Todas as discussões
back-to-group = Voltar ao grupo
discussion-in-group = No grupo { $group }
follow-discussion = Seguir esta discussão
unfollow-discussion = Deixar de seguir
following-hint = Você é avisado das novas mensagens desta discussão.
not-following-hint = Siga-a para ser avisado das novas mensagens.
post-edited = editada em { $date }
opening-post-label = Pergunta
replies-title = { $count ->
    [0] Ainda sem respostas
    [one] { $count } resposta
   *[other] { $count } respostas
}
in-reply-to = Em resposta a { $name }
send-reply = Enviar a resposta
edit-post = Editar
edit-post-label = Sua mensagem
save-post = Salvar
accept-answer = Aceitar esta resposta
accepted-answer = Resposta aceita
go-to-accepted-answer = Ir para a resposta aceita
reply-posted = Sua resposta foi publicada.
answer-accepted = Esta resposta agora é a resposta aceita.

## Notifications
notifications-title = Notificações
notifications-intro = O que diz respeito a você: respostas nas discussões que você segue, menções, respostas aceitas, grupos em que você entra e decisões de moderação.
notifications-bell = { $count ->
    [0] Notificações
    [one] Notificações, { $count } não lida
   *[other] Notificações, { $count } não lidas
}
notifications-empty = Nenhuma notificação.
notifications-none-unread = Nada por ler.
mark-read = Marcar como lida
unread-only = Somente as não lidas
mark-all-read = Marcar tudo como lido
notification-unread = Não lida
all-read-notice = Tudo está marcado como lido.

# Events
nav-events = Eventos
events-blurb = Webinars, formações e oficinas: inscreva-se e adicione-os à sua agenda.
event-kind-webinar = Webinar
event-kind-training = Formação
event-kind-regional-workshop = Oficina regional
event-kind-peer-exchange = Intercâmbio entre pares
event-kind-consultation = Consulta
event-kind-conference = Conferência
registration-registered = Está inscrito/a
registration-waitlisted = Na lista de espera
registration-cancelled = Cancelada
registration-waitlisted-at = Lista de espera: n.º { $position }
event-full = { $waiting ->
    [0] Esgotado
   *[other] Esgotado — { $waiting } na lista de espera
}
event-places-left = Restam { $left } de { $capacity } vagas
event-registered-count = { $count } inscritos
events-empty = Ainda não há eventos aqui.
events-title = Eventos
organise-event = Organizar um evento
events-intro = Webinars, formações, oficinas regionais, intercâmbios entre pares e consultas da aliança e dos seus grupos temáticos.
events-times-in = As horas são mostradas no seu fuso horário ({ $zone }).
events-when = Que eventos
events-upcoming = Próximos
events-past = Passados
event-kind-label = Tipo
download-my-calendar = Transferir a minha agenda (.ics)
group-events = Eventos
group-resources = Recursos do grupo
group-resources-intro = Apenas para os membros do grupo; também se encontram na base de conhecimento.
no-group-resource = Ainda não foi partilhado nenhum recurso com o grupo.
all-group-resources = Os { $count } recursos do grupo
share-with-group = Partilhar um recurso com o grupo
organise-group-event = Organizar um evento para este grupo
all-events = Todos os eventos
registered-notice = Está inscrito/a. A ligação para participar está abaixo.
waitlisted-notice = O evento está esgotado: está na lista de espera e será avisado/a se uma vaga ficar livre.
cancelled-notice = A sua inscrição foi cancelada.
event-organiser-time = Para o organizador: { $time } ({ $zone })
cancel-registration = Cancelar a minha inscrição
join-waitlist = Entrar na lista de espera
register-for-event = Inscrever-se
registration-closed-note = As inscrições fecharam quando o evento começou.
event-interpretation = { $languages }, com interpretação para { $interpreted }
event-languages = Línguas
event-online = Online
event-link-for-registered = A ligação é mostrada a quem tem vaga.
event-location = Local
event-group = Grupo temático
event-recording = Ver a gravação
edit-event = Editar o evento
event-places = Vagas
event-organiser = Organizador
add-to-calendar = Adicionar à minha agenda (.ics)
no-attendees = Ainda ninguém se inscreveu.
attendees = Participantes
registration-status-label = Inscrição
open-group = Abrir o grupo
event-title-label = Título
event-timezone-label = Fuso horário do organizador
event-starts-label = Começa
event-local-time-hint = No fuso do organizador; cada membro vê-o no seu.
event-ends-label = Termina
event-online-url-label = Ligação para participar online
event-location-label = Local (para a participação presencial)
event-capacity-label = Vagas
event-capacity-hint = Deixe vazio para não limitar.
event-languages-label = Línguas do evento
event-languages-hint = Códigos de língua, separados por vírgulas: en, fr, es, pt, sw…
event-interpretation-label = Interpretação para
event-description-label = Descrição
event-recording-label = Gravação na base de conhecimento
event-recording-hint = Cole o endereço do recurso depois do evento.
save-event = Guardar o evento
event-for-label = Para
event-for-everyone = Todos os membros da aliança

# Joining a group
join-request-waiting = Pediu para aderir a este grupo: um moderador responderá em breve.
join-group-title = Aderir a este grupo
join-group-intro = Os seus membros partilham recursos, debates e eventos sobre o seu tema. Um moderador responde ao seu pedido.
join-message-label = Uma palavra para os moderadores (opcional)
ask-to-join = Pedir para aderir
join-asked-on = Pedido em { $date }
approve-request = Aceitar
decline-request = Recusar
join-requests-title = Pedidos de adesão

happened-comment-removed = Remoção de um comentário

# Daily digest
digest-title = Resumo por e-mail
digest-label = Enviar-me todos os dias um e-mail com as notificações não lidas
digest-hint = É enviado uma vez por dia, de manhã (06:00 UTC), só quando há novidades.
digest-saved = Guardado.

# Comments: editing and removal
comment-edited = editado
comment-removed-note = Este comentário foi removido.
edit-comment = Editar
remove-comment = Remover
remove-comment-confirm = Remover este comentário? O seu texto desaparecerá para todos.

# Experts and partner organisations
nav-experts = Especialistas
experts-blurb = Encontre o especialista ou a organização parceira que já o fez e peça-lhe para entrar em contacto.
directory-nav = Diretório
experts-title = Especialistas
experts-intro = Membros que partilham o que sabem: pesquise por palavras, estratégia, língua, país ou região.
experts-total = { $count ->
    [one] Um especialista
   *[other] { $count } especialistas
}
all-experts = Todos os especialistas
organisations-title = Organizações parceiras
organisations-intro = Agências da ONU, sociedade civil, organizações religiosas e de sobreviventes, redes de crianças e jovens, academia e setor privado.
organisations-total = { $count ->
    [one] Uma organização
   *[other] { $count } organizações
}
organisation-experts = { $count ->
    [one] O seu especialista no diretório
   *[other] Os seus { $count } especialistas no diretório
}
add-organisation = Adicionar uma organização
organisation-kind = Tipo de organização
organisation-description = Descrição
organisation-website = Sítio web
org-kind-un-agency = Agência da ONU
org-kind-civil-society = Sociedade civil
org-kind-faith-based = Organização religiosa
org-kind-survivor-led = Organização de sobreviventes
org-kind-children-youth-led = Rede de crianças e jovens
org-kind-academia = Academia
org-kind-private-sector = Setor privado
directory-language = Línguas
any-value = Todos
directory-search-label = Pesquisar no diretório
my-expert-profile = O meu perfil de especialista
my-expert-profile-intro = Diga o que sabe e onde trabalhou: os membros encontram-no no diretório e podem pedir-lhe contacto. O seu endereço só é mostrado a quem aceitar.
expert-bio = Biografia curta
expert-organisation = Organização
expert-languages-hint = Os seus códigos ISO 639-1, separados por vírgulas: hi, ne, wo…
other-languages = Outras línguas
save-expert-profile = Guardar o meu perfil
expert-profile-saved = O seu perfil foi guardado: os membros encontram-no no diretório.
leave-directory = Sair do diretório
edit-expert-profile = Editar o meu perfil
expert-email = E-mail:
contact-title = Entrar em contacto
contact-message-label = A sua mensagem para { $name }
contact-hint = Diga quem é e o que gostaria de perguntar. O endereço é-lhe mostrado assim que aceitar.
send-contact-request = Enviar o pedido
contact-pending-sent = O seu pedido foi enviado: será avisado quando responderem.
contact-pending-received = Esta pessoa quer entrar em contacto: responda nos seus pedidos de contacto.
contact-accepted-note = Estão em contacto: o endereço está no perfil.
contact-declined-note = O seu último pedido foi recusado.
contact-recently-declined = Esta pessoa recusou o seu último pedido há pouco; poderá voltar a pedir dentro de algumas semanas.
contact-already-accepted = Esta pessoa já aceitou o seu pedido: o endereço está no perfil.
contacts-title = Pedidos de contacto
contacts-received = Recebidos
contacts-sent = Enviados
no-contact-requests = Ainda não há pedidos de contacto.
contact-from = De { $name }
contact-to = Para { $name }
contact-status-pending = À espera de resposta
contact-status-accepted = Aceite
contact-status-declined = Recusado
accept-contact = Aceitar
decline-contact = Recusar
err-unknown-region = Escolha entre África, Américas, Ásia, Europa e Oceânia.
err-yourself = Não pode enviar um pedido de contacto a si próprio.
save-organisation = Guardar a organização
edit-organisation = Editar
expert-organisation-hint = Escreva o nome; as organizações do diretório são sugeridas e o seu perfil fica ligado a ela.
expert-countries = Países de experiência
