import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MinistriesService } from './ministries.service';
import { MinistryPost } from './ministry-post.entity';
import { Ministry } from './ministry.entity';
import { OfficeHolder } from './office-holder.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Ministry, MinistryPost, OfficeHolder])],
  providers: [MinistriesService],
  exports: [MinistriesService],
})
export class MinistriesModule {}
