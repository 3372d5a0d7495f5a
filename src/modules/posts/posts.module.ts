import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { CommentEntity } from './comment.entity';
import { CommentsService } from './comments.service';
import { PostEntity } from './post.entity';
import { CommentResolver, GroupPostsResolver, PostsResolver } from './posts.resolver';
import { PostsRealtime } from './posts.realtime';
import { PostsService } from './posts.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { POSTS_PERSONAL_DATA } from './posts.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([PostEntity, CommentEntity]), GroupsModule, UsersModule],
  providers: [PostsService, PostsRealtime, CommentsService, PostsResolver, CommentResolver, GroupPostsResolver],
  exports: [PostsService],
})
export class PostsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(POSTS_PERSONAL_DATA);
  }
}
