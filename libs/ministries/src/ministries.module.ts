import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MinistriesService } from './ministries.service';
import { Ministry } from './ministry.entity';
import { OfficeHolder } from './office-holder.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Ministry, OfficeHolder])],
  providers: [MinistriesService],
  exports: [MinistriesService],
})
export class MinistriesModule {}
