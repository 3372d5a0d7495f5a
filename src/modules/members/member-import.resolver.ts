import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID } from 'class-validator';
import { Authenticated } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { MemberFilterArgs } from './dto/member.inputs';
import { MemberImportEntity } from './member-import.entity';
import { ImportReport, MemberImportService } from './member-import.service';
import { MemberImportModel, MemberImportReportModel, MemberImportStatus } from './members.model';
import { MembersService } from './members.service';

@ArgsType()
class ImportMembersArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field({
    description:
      'The file: UTF-8 (BOM or not), `;` or `,`, a first line naming the columns email, prenom, nom, categories, cotisation_jusqu_au; at most 10,000 rows and 5 MB.',
  })
  @IsString()
  csv!: string;
}

@ArgsType()
class ImportMembersDryRunArgs extends ImportMembersArgs {
  @Field({ description: 'True: report what would happen and write nothing.' })
  @IsBoolean()
  dryRun!: boolean;
}

function toReport(report: ImportReport, status: MemberImportStatus, importId: string | null): MemberImportReportModel {
  return { ...report, status, importId };
}

export function toMemberImportModel(entity: MemberImportEntity): MemberImportModel {
  const status = entity.status as MemberImportStatus;
  return {
    id: entity.id,
    status,
    processed: entity.processed,
    total: entity.total,
    report: toReport(entity.report as unknown as ImportReport, status, entity.id),
    createdAt: entity.createdAt,
    finishedAt: entity.finishedAt,
  };
}

@Authenticated()
@Resolver()
export class MemberImportResolver {
  constructor(
    private readonly imports: MemberImportService,
    private readonly members: MembersService,
  ) {}

  @Mutation(() => MemberImportReportModel, {
    description:
      'Imports members from a CSV file. A dry run writes nothing and reports what would happen. Applying runs in the background (in chunks): this waits up to 15 s and returns the report, DONE, or RUNNING with `importId` to follow with `memberImport`. A file not UTF-8, without an email column or over 10,000 rows: BAD_USER_INPUT on `csv`, nothing written. For admins.',
  })
  async importMembers(
    @CurrentViewer() viewer: Viewer,
    @Args() args: ImportMembersDryRunArgs,
  ): Promise<MemberImportReportModel> {
    if (args.dryRun)
      return toReport(
        await this.imports.dryRun(viewer.id, args.organizationId, args.csv),
        MemberImportStatus.DONE,
        null,
      );
    return toMemberImportModel(await this.imports.applyAndWait(viewer.id, args.organizationId, args.csv)).report;
  }

  @Mutation(() => MemberImportModel, {
    description:
      'Starts applying a CSV import in the background and returns at once; follow it with `memberImport(id)`. Same file rules as `importMembers`. For admins.',
  })
  async startMemberImport(
    @CurrentViewer() viewer: Viewer,
    @Args() args: ImportMembersArgs,
  ): Promise<MemberImportModel> {
    return toMemberImportModel(await this.imports.start(viewer.id, args.organizationId, args.csv));
  }

  @Query(() => MemberImportModel, { description: "An import's progress and report. For the organisation's admins." })
  async memberImport(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The import.' }, UuidPipe) id: string,
  ): Promise<MemberImportModel> {
    return toMemberImportModel(await this.imports.get(viewer.id, id));
  }

  @Query(() => String, {
    description:
      'The members a filter selects as CSV for French Excel: `;`, a BOM, CRLF; the columns import reads (email, prenom, nom, categories, cotisation_jusqu_au), so the file imports back unchanged; a cell starting with = + - @ gets a leading apostrophe. For admins.',
  })
  exportMembers(@CurrentViewer() viewer: Viewer, @Args() args: MemberFilterArgs): Promise<string> {
    return this.members.exportCsv(viewer.id, args.organizationId, args.filter);
  }
}
