package vn.ansinh.households.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportJob;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    public List<ImportJob> latest(int page, int size) {
        return findAll(Sort.descending("createdAt")).page(page, size).list();
    }

    /** Jobs that have not finished, oldest first. */
    public List<ImportJob> running() {
        return list("status in ?1", Sort.by("createdAt"), List.of(ImportJob.Status.VALIDATING, ImportJob.Status.APPLYING));
    }

    /** The heartbeat of a job this instance runs (a finished job is left alone). */
    public void beat(UUID jobId, java.time.Instant at) {
        update("heartbeatAt = ?1 where id = ?2 and status in ?3", at, jobId,
                List.of(ImportJob.Status.VALIDATING, ImportJob.Status.APPLYING));
    }

    public void saveErrors(UUID jobId, List<ImportError> errors) {
        for (int i = 0; i < errors.size(); i++) {
            ImportError error = errors.get(i);
            getEntityManager().createNativeQuery("""
                    INSERT INTO import_error (job_id, seq, file, line, column_name, message)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    """).setParameter(1, jobId).setParameter(2, i).setParameter(3, error.file())
                    .setParameter(4, error.line()).setParameter(5, error.column()).setParameter(6, error.message())
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<ImportError> errors(UUID jobId, int page, int size) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT file, line, column_name, message FROM import_error WHERE job_id = ?1 ORDER BY seq
                """).setParameter(1, jobId).setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> new ImportError((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3])).toList();
    }
}
