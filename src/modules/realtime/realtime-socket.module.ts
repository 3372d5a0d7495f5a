import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SocketServer } from './socket-server';

@Module({ imports: [AuthModule], providers: [SocketServer], exports: [SocketServer] })
export class RealtimeSocketModule {}
