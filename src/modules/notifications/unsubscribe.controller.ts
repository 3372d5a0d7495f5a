import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/auth/access-rules';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { escapeHtml } from '../mail/mail-templates';
import { verifyUnsubscribeToken } from '../mail/unsubscribe-token';
import { NotificationSettingsService } from './notification-settings.service';

export const UNSUBSCRIBE_PATH = '/mail/desabonnement';

function page(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .type('html')
    .setHeader('cache-control', 'no-store')
    .setHeader('referrer-policy', 'no-referrer')
    .send(
      `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Maillage</title>` +
        `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}` +
        `button{font:inherit;padding:.75rem 1.25rem;min-height:2.75rem}</style></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

/**
 * One-click unsubscribe (RFC 8058), without logging in: mail clients POST to the link of the
 * `List-Unsubscribe` header; a person who opens the link sees a button that does the same POST.
 * (A GET never changes anything: link scanners open links.)
 */
@Public()
@Controller(UNSUBSCRIBE_PATH.slice(1))
export class UnsubscribeController {
  constructor(
    private readonly settings: NotificationSettingsService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Get(':token')
  confirm(@Param('token') token: string, @Res() res: Response): void {
    if (!verifyUnsubscribeToken(this.config.jwtSecret, token)) return invalid(res);
    page(
      res,
      200,
      'Ne plus recevoir les e-mails de notification',
      `<p>Vous ne recevrez plus d'e-mail pour vos notifications Maillage. Les e-mails de sécurité (mot de passe) continueront d'arriver.</p>` +
        `<form method="post"><button type="submit">Me désabonner</button></form>`,
    );
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const userId = verifyUnsubscribeToken(this.config.jwtSecret, token);
    if (!userId) return invalid(res);
    await this.settings.unsubscribe(userId);
    page(
      res,
      200,
      'Vous êtes désabonné·e',
      `<p>Vous ne recevrez plus d'e-mail pour vos notifications. Pour changer d'avis, ouvrez « Paramètres » dans Maillage.</p>` +
        `<p><a href="/parametres">Ouvrir mes paramètres</a></p>`,
    );
  }
}

function invalid(res: Response): void {
  page(
    res,
    404,
    'Lien de désabonnement invalide',
    `<p>Ce lien est incomplet ou n'est pas valable. Copiez le lien entier depuis l'e-mail, ou changez vos préférences dans « Paramètres » sur Maillage.</p>`,
  );
}
